package com.lead2cash.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A contributor's entries reach a reader the way a card of the customer's page does ({@link CustomerPagePanel}):
 * only one holding a role its module's routes admit, so a role they refuse does not read those records here.
 */
class TimelineContributorTest {

    record Contributor(Set<Role> visibleTo) implements TimelineContributor {

        @Override
        public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
            return List.of();
        }
    }

    static CurrentUser reader(Role... roles) {
        return new CurrentUser(UUID.randomUUID(), "reader", "Reader", null, Set.of(roles));
    }

    @Test
    void aReaderNoneOfWhoseRolesTheModuleAdmitsIsShownNoneOfItsEntries() {
        TimelineContributor contracts = new Contributor(Set.of(Role.SALES_REP, Role.LEGAL));

        assertThat(contracts.visibleFor(reader(Role.SALES_REP))).isTrue();
        assertThat(contracts.visibleFor(reader(Role.MARKETING, Role.LEGAL))).isTrue();
        assertThat(contracts.visibleFor(reader(Role.MARKETING))).isFalse();
        assertThat(new Contributor(Set.of()).visibleFor(reader(Role.MARKETING))).as("no roles named: everyone").isTrue();
    }
}
