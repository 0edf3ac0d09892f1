package com.lead2cash.order;

import java.time.LocalDate;
import java.util.UUID;

/** What other modules may ask of a contract's orders: whether the goods it sells have all arrived and been accepted. */
public interface ContractDeliveries {

    /** How far the contract's goods have gone; see {@link Fulfilment}. */
    Fulfilment fulfilment(UUID contractId);

    /**
     * Whether some of the contract's goods actually left by {@code day}: a shipment of any of its orders whose ship date
     * is on or before it. A shipment booked for a later day (decision 0044) has not left.
     */
    boolean goodsLeftBy(UUID contractId, LocalDate day);

    /**
     * {@code allDeliveredOn} the day the last of them was delivered once every quantity the contract's product lines
     * sell is in a delivered order, null until then; {@code allAcceptedOn} likewise for the customer's acceptance.
     * {@code sellsProducts} is false for a contract of an amount only (no product lines, or not signed), whose
     * orders name catalogue products: nothing tells when its goods are all there. Whether its goods left is
     * {@link #goodsLeftBy}.
     */
    record Fulfilment(boolean sellsProducts, LocalDate allDeliveredOn, LocalDate allAcceptedOn) {
    }
}
