package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.ContractRules;
import com.lead2cash.opportunity.OpportunityPagePanel;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.HomePanel;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import com.lead2cash.sop.SopPolicy;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract module's place in the shell (navigation, the reviewers' home panel, the card on an opportunity's page),
 * its rules checked at start.
 */
@Configuration
class ContractConfiguration {

    ContractConfiguration() {
        SopPolicy.defaults().bind(ContractRules.class);
    }

    @Bean
    NavigationEntry contractNavigation() {
        return new NavigationEntry("contract.nav", "/contracts", 135, ContractAccess.READERS);
    }

    /** What waits for me: reviews and approvals of contracts, and my contracts to sign or archive. */
    @Bean
    HomePanel contractPanel() {
        return new HomePanel("contract.panel.title", "/contracts/panel", 25, ContractAccess.READERS);
    }

    /** The contract card of an opportunity's page, from the contract stage on, for those who read contracts. */
    @Bean
    OpportunityPagePanel opportunityContractPanel() {
        return new OpportunityPagePanel("opportunity-contract", "contract.card.title", "/opportunities/{id}/contract", 20,
                ContractAccess.READERS, EnumSet.of(Stage.CONTRACT, Stage.WON, Stage.LOST));
    }

    static final Set<Role> TEMPLATE_EDITORS = Set.of(Role.LEGAL, Role.ADMIN);
}
