package com.lead2cash.order;

import java.time.LocalDate;
import java.util.UUID;

/** What other modules may ask of a contract's orders: whether the goods it sells have all arrived and been accepted. */
public interface ContractDeliveries {

    /** How far the contract's goods have gone; see {@link Fulfilment}. */
    Fulfilment fulfilment(UUID contractId);

    /**
     * {@code allDeliveredOn} the day the last of them was delivered once every quantity the contract's product lines
     * sell is in a delivered order, null until then; {@code allAcceptedOn} likewise for the customer's acceptance.
     * {@code sellsProducts} is false for a contract of an amount only (no product lines, or not signed), whose
     * orders name catalogue products: nothing tells when its goods are all there. {@code anyShipped}: some of the
     * contract's goods left (a shipment of any of its orders), whatever its lines.
     */
    record Fulfilment(boolean sellsProducts, LocalDate allDeliveredOn, LocalDate allAcceptedOn, boolean anyShipped) {
    }
}
