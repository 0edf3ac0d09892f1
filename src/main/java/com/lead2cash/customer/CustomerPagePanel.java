package com.lead2cash.customer;

import java.util.UUID;

/**
 * Lets another module put a card of its own on a customer's page (after-sales: who serves the customer
 * and its service health). A module contributes one bean; the page loads the card from
 * {@code fragmentPath} with the customer's id, only for a customer the reader may see, so the
 * contributing module answers an HTML fragment after checking that scope itself.
 *
 * @param fragmentPath an app-relative path with {@code {id}} for the customer's id: "/aftersales/customers/{id}/panel"
 */
public record CustomerPagePanel(String fragmentPath, int order) {

    /** The path of this customer's card. */
    public String pathFor(UUID customerId) {
        return fragmentPath.replace("{id}", customerId.toString());
    }
}
