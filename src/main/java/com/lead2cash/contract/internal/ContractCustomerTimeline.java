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
 * the contract's own timeline (合同动态), and each amendment signed, in one statement per page. The number links to the contract only
 * for a reader who may open it.
 */
@Component
class ContractCustomerTimeline implements TimelineContributor {

    /** The moments a rep wants on the customer's page; the drafting and review steps stay on the contract's. */
    static final List<String> KINDS = List.of("SUBMITTED", "APPROVED", "SIGNED", "TERMINATED");
    /** An amendment signed, read from the amendment itself (the contract's AMENDED event carries only its title). */
    static final String AMENDMENT_SIGNED = "AMENDMENT_SIGNED";

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
        String contract = " c.id, c.number, c.title, c.amount, c.currency, c.owner_id, c.submitted_at is not null as submitted";
        // an amendment (补充协议) from its own record: its number, the amount it changes and the day it was signed
        return cursor.bind(jdbc.sql(cursor.pageOf("select 'contract:' || lpad(e.id::text, 19, '0') as key, e.kind,"
                        + " e.actor_id, e.detail, e.occurred_at as at," + contract + ", null as amendment, null as amendment_title,"
                        + " null::numeric as amount_change, null::date as signed_on"
                        + " from contract_contract c join contract_event e on e.contract_id = c.id"
                        + " where c.customer_id = :c and e.kind in (:kinds)"
                        + " union all select 'contract-amendment:' || a.id::text, '" + AMENDMENT_SIGNED + "', a.created_by,"
                        + " null, a.created_at," + contract + ", a.number, a.title, a.amount_change, a.signed_on"
                        + " from contract_contract c join contract_amendment a on a.contract_id = c.id where c.customer_id = :c")),
                        limit)
                .param("c", customerId).param("kinds", KINDS)
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    String number = rs.getString("number");
                    List<String> args = switch (kind) {
                        case "SIGNED" -> List.of(number, rs.getString("title"), MoneyText.of(rs.getBigDecimal("amount")),
                                rs.getString("currency"));
                        case "TERMINATED" -> List.of(number, rs.getString("title"), rs.getString("detail"));
                        case AMENDMENT_SIGNED -> List.of(number, rs.getString("title"), rs.getString("amendment"),
                                rs.getString("amendment_title"), signed(rs.getBigDecimal("amount_change")), rs.getString("currency"),
                                String.valueOf(rs.getObject("signed_on", java.time.LocalDate.class)));
                        default -> List.of(number, rs.getString("title"));
                    };
                    UUID id = rs.getObject("id", UUID.class);
                    String link = opens.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("submitted"))
                            ? "/contracts/" + id : null;
                    return new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("key"), "contract",
                            "contract.customerTimeline." + kind, args, link, rs.getObject("actor_id", UUID.class));
                })
                .list();
    }

    /** An amount change as a change reads: +50,000.00 or -50,000.00. */
    private static String signed(java.math.BigDecimal change) {
        return (change.signum() < 0 ? "-" : "+") + MoneyText.of(change.abs());
    }
}
