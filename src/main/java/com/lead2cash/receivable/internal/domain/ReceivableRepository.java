package com.lead2cash.receivable.internal.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ReceivableRepository extends CrudRepository<Receivable, UUID> {

    /** The states with money still to collect ({@link ReceivableState#OPEN}), for queries: {@code state in OPEN}. */
    String OPEN = "('PLANNED', 'DUE', 'PARTIALLY_PAID', 'OVERDUE')";

    @Query("select * from receivable_plan where contract_id = :contractId order by position")
    List<Receivable> findByContract(UUID contractId);

    @Query("select * from receivable_plan where id = :id for update")
    Optional<Receivable> findByIdForUpdate(UUID id);

    /** Locks several plans in id order, so two receipts allocating to the same plans never deadlock. */
    @Query("select * from receivable_plan where id in (:ids) order by id for update")
    List<Receivable> lockAll(Collection<UUID> ids);

    /** Whether any receipt — reversed ones too — was ever allocated to the plan. */
    @Query("select exists (select 1 from receivable_allocation where plan_id = :planId)")
    boolean hasAllocations(UUID planId);

    /** The contract's plans with money still to collect that this person owns, locked (they follow the contract's owner). */
    @Query("select * from receivable_plan where contract_id = :contractId and owner_id = :ownerId"
            + " and state in " + OPEN + " order by id for update")
    List<Receivable> findOpenOfContractOwnedByForUpdate(UUID contractId, UUID ownerId);

    @Query("select count(*) > 0 from receivable_plan where contract_id = :contractId")
    boolean existsForContract(UUID contractId);
}
