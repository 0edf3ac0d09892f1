package com.lead2cash.approval.internal.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface DelegationRepository extends CrudRepository<Delegation, UUID> {

    /** Delegations given to this person that are switched on (their dates are checked by the caller). */
    @Query("select * from approval_delegation where delegate_id = :delegateId and active")
    List<Delegation> findActiveForDelegate(UUID delegateId);

    /** Delegations this person gave that are switched on (their dates are checked by the caller). */
    @Query("select * from approval_delegation where delegator_id = :delegatorId and active order by created_at desc, id")
    List<Delegation> findActiveForDelegator(UUID delegatorId);

    /** Delegations this person gave or received that are switched on, oldest first (their dates are the caller's). */
    @Query("""
            select * from approval_delegation where (delegator_id = :userId or delegate_id = :userId) and active
            order by created_at, id""")
    List<Delegation> findActiveInvolving(UUID userId);
}
