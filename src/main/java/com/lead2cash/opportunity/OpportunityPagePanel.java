package com.lead2cash.opportunity;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Lets another module put a card of its own on an opportunity's page (quotes: the quotes card; contracts: the
 * contract card). A module contributes one bean, as it cannot be named here (it depends on this module); the page
 * loads the card from {@code fragmentPath} with the opportunity's id, only in one of {@code stages} and for a reader
 * holding one of {@code visibleTo}, so a reader the card's own route refuses (tech support, invited to the panel) is
 * not shown a card that would stay "loading" for ever. The contributing module checks scope itself.
 *
 * @param elementId    the card's element id, the one its fragment answers with
 * @param titleKey     the card's title while it loads
 * @param fragmentPath an app-relative path with {@code {id}} for the opportunity's id: "/opportunities/{id}/quotes"
 * @param visibleTo    the roles the card's own route admits
 * @param stages       the stages in which the opportunity shows the card
 */
public record OpportunityPagePanel(String elementId, String titleKey, String fragmentPath, int order,
                                   Set<Role> visibleTo, Set<Stage> stages) {

    public OpportunityPagePanel {
        visibleTo = Set.copyOf(visibleTo);
        stages = Set.copyOf(stages);
    }

    /** The path of this opportunity's card. */
    public String pathFor(UUID opportunityId) {
        return fragmentPath.replace("{id}", opportunityId.toString());
    }

    /** Whether the reader is shown the card on an opportunity in this stage. */
    public boolean shownTo(CurrentUser user, Stage stage) {
        return stages.contains(stage) && (visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has));
    }
}
