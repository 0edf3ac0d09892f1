package com.lead2cash.platform;

import java.util.Set;

/**
 * A link in the web shell's navigation, contributed by a module as a bean. {@code visibleTo} empty
 * means every signed-in user; otherwise a user needs one of the roles. Paths under {@code /admin/}
 * are listed in the administration menu rather than on the bar.
 */
public record NavigationEntry(String labelKey, String path, int order, Set<Role> visibleTo) {

    public NavigationEntry {
        visibleTo = Set.copyOf(visibleTo);
    }

    public boolean isAdministration() {
        return path.startsWith("/admin/");
    }

    public boolean visibleFor(CurrentUser user) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has);
    }
}
