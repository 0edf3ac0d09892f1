package com.lead2cash.order.internal.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface OrderRepository extends CrudRepository<Order, UUID> {

    /** An order not yet accepted, for queries: open business that keeps its customer. */
    String OPEN = "status <> 'ACCEPTED'";

    @Query("select * from order_order where id = :id for update")
    Optional<Order> findByIdForUpdate(UUID id);

    @Query("select * from order_order where contract_id = :contractId order by created_at")
    List<Order> findByContract(UUID contractId);

    /** The contract's orders not yet accepted, locked (its termination stops them). */
    @Query("select * from order_order where contract_id = :contractId and " + OPEN + " order by created_at, id for update")
    List<Order> findOpenOfContractForUpdate(UUID contractId);

    /** The contract's orders not yet accepted that this person owns, locked (they follow the contract's owner). */
    @Query("select * from order_order where contract_id = :contractId and owner_id = :ownerId and " + OPEN
            + " order by created_at, id for update")
    List<Order> findOpenOfContractOwnedByForUpdate(UUID contractId, UUID ownerId);
}
