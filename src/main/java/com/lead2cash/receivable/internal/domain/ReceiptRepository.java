package com.lead2cash.receivable.internal.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface ReceiptRepository extends CrudRepository<Receipt, UUID> {

    @Query("select * from receivable_receipt where id = :id for update")
    Optional<Receipt> findByIdForUpdate(UUID id);
}
