package com.lead2cash.contract;

import java.util.UUID;

/**
 * Lets another module put a card of its own on a contract's page (orders: the contract's orders and
 * "create order"; invoices: what is invoiced and "request an invoice"). A module contributes one bean;
 * the page loads the card from {@code fragmentPath} with the contract's id, only for a contract the
 * reader may see, so the contributing module answers an HTML fragment after checking that scope itself.
 *
 * @param fragmentPath an app-relative path with {@code {id}} for the contract's id: "/orders/contracts/{id}/panel"
 */
public record ContractPagePanel(String fragmentPath, int order) {

    /** The path of this contract's card. */
    public String pathFor(UUID contractId) {
        return fragmentPath.replace("{id}", contractId.toString());
    }
}
