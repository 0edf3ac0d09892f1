package com.lead2cash.approval.internal.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.CrudRepository;

public interface ApprovalRepository extends CrudRepository<Approval, UUID> {

    /** Loads the approval locking its row: parallel approvers of one step decide one after another, never lost. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Approval> findLockedById(UUID id);
}
