package com.lead2cash.platform;

import java.util.Set;

/**
 * A panel on the home page, contributed by a module as a bean: the page loads the HTML fragment at
 * {@code fragmentPath} with htmx. {@code visibleTo} empty means everyone.
 */
public record HomePanel(String titleKey, String fragmentPath, int order, Set<Role> visibleTo) {

    public HomePanel {
        visibleTo = Set.copyOf(visibleTo);
    }

    public boolean visibleFor(CurrentUser user) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has);
    }
}
