package com.lead2cash.customer;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Lets another module put a card of its own on a customer's page (after-sales: who serves the customer
 * and its service health). A module contributes one bean; the page loads the card from
 * {@code fragmentPath} with the customer's id, only for a customer the reader may see and a reader holding one of
 * {@code visibleTo} (empty: everyone), so the contributing module answers an HTML fragment after checking that
 * scope itself.
 *
 * @param fragmentPath an app-relative path with {@code {id}} for the customer's id: "/aftersales/customers/{id}/panel"
 * @param visibleTo    the roles the card's own route admits, so a reader it refuses is not offered it
 */
public record CustomerPagePanel(String fragmentPath, int order, Set<Role> visibleTo) {

    public CustomerPagePanel {
        visibleTo = Set.copyOf(visibleTo);
    }

    /** The path of this customer's card. */
    public String pathFor(UUID customerId) {
        return fragmentPath.replace("{id}", customerId.toString());
    }

    public boolean visibleFor(CurrentUser user) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has);
    }
}
