package com.lead2cash.contract;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Lets another module put a card of its own on a contract's page (orders: the contract's orders and
 * "create order"; invoices: what is invoiced and "request an invoice"). A module contributes one bean;
 * the page loads the card from {@code fragmentPath} with the contract's id, only for a contract the
 * reader may see and a reader holding one of {@code visibleTo} (empty: everyone), so the contributing module
 * answers an HTML fragment after checking that scope itself.
 *
 * @param fragmentPath an app-relative path with {@code {id}} for the contract's id: "/orders/contracts/{id}/panel"
 * @param visibleTo    the roles the card's own route admits, so a reader it refuses (legal, operations) is not
 *                     offered it
 */
public record ContractPagePanel(String fragmentPath, int order, Set<Role> visibleTo) {

    public ContractPagePanel {
        visibleTo = Set.copyOf(visibleTo);
    }

    /** The path of this contract's card. */
    public String pathFor(UUID contractId) {
        return fragmentPath.replace("{id}", contractId.toString());
    }

    public boolean visibleFor(CurrentUser user) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has);
    }
}
