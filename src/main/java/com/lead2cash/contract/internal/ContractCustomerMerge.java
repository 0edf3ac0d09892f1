package com.lead2cash.contract.internal;

import com.lead2cash.customer.CustomerMergeParticipant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's contracts move to the survivor inside the merge's
 * transaction, so "the customer's contracts" (its page, timeline, {@code Contracts.signedOf}, the
 * receivables' rules) include them. Only the link moves: the buyer's name, tax id and address stay as the
 * contract was drafted and signed with them. The version is bumped so a form opened before refuses.
 */
@Component
class ContractCustomerMerge extends CustomerMergeParticipant.Rows {

    ContractCustomerMerge(JdbcClient jdbc) {
        super(jdbc, "contract_contract", true, "contracts");
    }
}
