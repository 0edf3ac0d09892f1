package com.lead2cash.contract.internal;

import com.lead2cash.customer.TimelineContributor;
import com.lead2cash.customer.TimelineCursor;
import com.lead2cash.customer.TimelineEntry;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer's contracts on its timeline: submitted for review, approved, signed and terminated, read from
 * the contract's own timeline (合同动态) in one statement per page. The number links to the contract only
 * for a reader who may open it.
 */
@Component
class ContractCustomerTimeline implements TimelineContributor {

    /** The moments a rep wants on the customer's page; the drafting and review steps stay on the contract's. */
    static final List<String> KINDS = List.of("SUBMITTED", "APPROVED", "SIGNED", "TERMINATED");

    private final JdbcClient jdbc;
    private final ContractAccess access;

    ContractCustomerTimeline(JdbcClient jdbc, ContractAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public Set<Role> visibleTo() {
        return ContractAccess.READERS;
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, TimelineCursor cursor, int limit) {
        BiPredicate<UUID, Boolean> opens = access.visibleContracts();
        String key = "'contract:' || lpad(e.id::text, 19, '0')";
        return cursor.bind(jdbc.sql("select " + key + " as key, e.kind, e.actor_id, e.detail, e.occurred_at, c.id, c.number, c.title,"
                        + " c.amount, c.currency, c.owner_id, c.submitted_at is not null as submitted"
                        + " from contract_contract c join contract_event e on e.contract_id = c.id"
                        + " where c.customer_id = :c and e.kind in (:kinds) and " + cursor.sqlPredicate("e.occurred_at", key)
                        + " order by e.occurred_at desc, e.id desc limit :limit"), limit)
                .param("c", customerId).param("kinds", KINDS)
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    String number = rs.getString("number");
                    List<String> args = switch (kind) {
                        case "SIGNED" -> List.of(number, rs.getString("title"), MoneyText.of(rs.getBigDecimal("amount")),
                                rs.getString("currency"));
                        case "TERMINATED" -> List.of(number, rs.getString("title"), rs.getString("detail"));
                        default -> List.of(number, rs.getString("title"));
                    };
                    UUID id = rs.getObject("id", UUID.class);
                    String link = opens.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("submitted"))
                            ? "/contracts/" + id : null;
                    return new TimelineEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("key"), "contract",
                            "contract.customerTimeline." + kind, args, link, rs.getObject("actor_id", UUID.class));
                })
                .list();
    }
}
