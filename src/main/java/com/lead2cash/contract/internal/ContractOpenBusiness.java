package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.ContractRepository;
import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.platform.Label;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's contracts that are not closed, for the customer module's rule that such a customer stays
 * with its owner: every contract until it is archived or terminated (an archived contract's unpaid plans
 * the receivables module answers).
 */
@Component
class ContractOpenBusiness implements OpenBusiness {

    private final JdbcClient jdbc;

    ContractOpenBusiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Fact>> of(Collection<UUID> customerIds) {
        return OpenBusiness.byCustomer(jdbc, """
                select customer_id, number, status from contract_contract
                where customer_id in (:ids) and %s order by created_at, id""".formatted(ContractRepository.OPEN),
                customerIds, rs -> Fact.of("contract.openBusiness", rs.getString("number"),
                        Label.of("contract.status", rs.getString("status"))));
    }
}
