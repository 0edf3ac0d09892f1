package com.lead2cash.receivable.internal;

import com.lead2cash.customer.OpenBusiness;
import com.lead2cash.platform.MoneyText;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's payment plans with money still to collect (not paid, not written off), for the customer
 * module's rule that such a customer stays with its owner: how many and how much, per currency.
 */
@Component
class ReceivableOpenBusiness implements OpenBusiness {

    private final JdbcClient jdbc;

    ReceivableOpenBusiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Fact>> of(Collection<UUID> customerIds) {
        return OpenBusiness.byCustomer(jdbc, """
                select customer_id, currency, count(*) as plans, sum(amount - paid_amount) as outstanding
                from receivable_plan where customer_id in (:ids) and state in %s
                group by customer_id, currency order by customer_id, currency""".formatted(ReceivableQueries.OPEN),
                customerIds, rs -> Fact.of("receivable.openBusiness", rs.getInt("plans"),
                        MoneyText.of(rs.getBigDecimal("outstanding")), rs.getString("currency")));
    }
}
