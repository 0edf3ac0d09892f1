package com.lead2cash.opportunity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V202612140410 (decisions 0087, 0102): an opportunity won by its contract's signing before a won deal took its
 * contract's amount is set to that contract's amount as it stands (signed plus its amendments), with the audit lines
 * an amendment's following writes and the forecast's cell following; one already at it, one won by hand, one whose
 * won contract cannot be told (two signed, its paper another contract's too), one whose contract was terminated, and
 * an opportunity not won stay as they are. Run twice, it changes each opportunity once.
 */
@IntegrationTest
class WonAtContractAmountMigrationTest {

    private static final Instant WON = Instant.parse("2026-11-20T02:00:00Z");

    @Autowired JdbcClient jdbc;

    @Test
    void flywayRanIt() {
        assertThat(migration().ranByFlyway()).isTrue();
    }

    @Test
    void anOpportunityWonBySigningBeforeIsWorthItsContractAsAmendedAndTheUndecidableStayAsTheyAre() {
        UUID owner = UUID.randomUUID();
        UUID amended = opportunity(owner, "WON", "100000.00", null);
        UUID amendedContract = contract(amended, "SIGNED", "888888.88", "a1");
        amendment(amendedContract, "50000.00", "a2");
        amendment(amendedContract, "-11111.11", "a3");
        UUID archived = opportunity(owner, "WON", "250000.00", null);
        String archivedNumber = number(contract(archived, "ARCHIVED", "300000.00", "b1"));
        UUID atItsAmount = opportunity(owner, "WON", "120000.00", null);
        contract(atItsAmount, "SIGNED", "120000.00", "c1");
        UUID byHand = opportunity(owner, "WON", "90000.00", UUID.randomUUID());
        contract(byHand, "SIGNED", "95000.00", "d1");
        UUID twins = opportunity(owner, "WON", "80000.00", null);
        contract(twins, "SIGNED", "85000.00", "e1");
        contract(twins, "SIGNED", "86000.00", "e2", true);
        UUID signedAgain = opportunity(owner, "WON", "70000.00", null);
        contract(signedAgain, "TERMINATED", "70000.00", "f1");
        contract(signedAgain, "SIGNED", "75000.00", "f2");
        UUID terminated = opportunity(owner, "WON", "60000.00", null);
        contract(terminated, "TERMINATED", "65000.00", "g1");
        UUID onePaper = opportunity(owner, "WON", "50000.00", null);
        contract(onePaper, "SIGNED", "55000.00", "h1");
        UUID elsewhere = opportunity(UUID.randomUUID(), "WON", "56000.00", UUID.randomUUID());
        contract(elsewhere, "SIGNED", "56000.00", "h1");
        UUID open = opportunity(owner, "CONTRACT", "40000.00", null);
        contract(open, "SIGNED", "45000.00", "i1");
        BigDecimal wonCellBefore = wonCell(owner);

        migration().runTwice();

        assertThat(state(amended)).as("888 888.88 + 50 000.00 − 11 111.11").isEqualTo("927777.77:1");
        assertThat(state(archived)).isEqualTo("300000.00:1");
        assertThat(audit(amended)).containsExactly("UPDATE amount 100000.00 -> 927777.77",
                "opportunity.amountFromContract null null -> null opportunity.audit.repairedToContractAmount|100000.00"
                        + "|927777.77|" + number(amendedContract));
        assertThat(audit(archived)).containsExactly("UPDATE amount 250000.00 -> 300000.00",
                "opportunity.amountFromContract null null -> null opportunity.audit.repairedToContractAmount|250000.00"
                        + "|300000.00|" + archivedNumber);
        assertThat(wonCell(owner).subtract(wonCellBefore)).as("the forecast's won cell follows")
                .isEqualByComparingTo("877777.77");

        assertThat(state(atItsAmount)).isEqualTo("120000.00:0");
        assertThat(state(byHand)).as("won by hand keeps its amount (0087)").isEqualTo("90000.00:0");
        assertThat(state(twins)).as("which twin won it is not recorded").isEqualTo("80000.00:0");
        assertThat(state(signedAgain)).as("won by the one signed first or the other").isEqualTo("70000.00:0");
        assertThat(state(terminated)).as("a signed contract terminated leaves the win as it was")
                .isEqualTo("60000.00:0");
        assertThat(state(onePaper)).as("one paper, two contracts").isEqualTo("50000.00:0");
        assertThat(state(open)).isEqualTo("40000.00:0");
        for (UUID untouched : List.of(atItsAmount, byHand, twins, signedAgain, terminated, onePaper, open)) {
            assertThat(audit(untouched)).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from opportunity_stage_change where opportunity_id in (:ids)")
                .param("ids", List.of(amended, archived)).query(Long.class).single())
                .as("the stage does not change: no stage history line").isEqualTo(2);
    }

    private RepairMigration migration() {
        return RepairMigration.of(jdbc, "202612140410");
    }

    private UUID opportunity(UUID owner, String stage, String amount, UUID wonBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into opportunity_opportunity (id, code, customer_id, name, amount, currency, stage, owner_id,
                    version, created_at, stage_changed_at, updated_at, expected_close_date, forecast_category,
                    closed_at)
                values (:id, :code, :customer, '迁移测试商机', :amount, 'CNY', :stage, :owner, 0, :at, :at, :at,
                    date '2026-11-30', 'PIPELINE', :closed)""")
                .param("id", id).param("code", "O-MIG-" + id).param("customer", UUID.randomUUID())
                .param("amount", new BigDecimal(amount)).param("stage", stage).param("owner", owner)
                .param("at", Timestamp.from(WON)).param("closed", "WON".equals(stage) ? Timestamp.from(WON) : null)
                .update();
        jdbc.sql("""
                insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at, changed_by,
                    amount)
                values (:id, :o, 'CONTRACT', :stage, :at, :by, :amount)""")
                .param("id", UUID.randomUUID()).param("o", id).param("stage", stage).param("at", Timestamp.from(WON))
                .param("by", wonBy).param("amount", new BigDecimal(amount)).update();
        return id;
    }

    /** A contract of the opportunity, signed on the paper {@code paper} (its hash made of it). */
    private UUID contract(UUID opportunity, String status, String amount, String paper) {
        return contract(opportunity, status, amount, paper, false);
    }

    /**
     * {@link #contract(UUID, String, String, String)}; {@code liveDuplicate}: a second live contract of its
     * opportunity, drafted before the one-live-contract index (V202612061754).
     */
    private UUID contract(UUID opportunity, String status, String amount, String paper, boolean liveDuplicate) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into contract_contract (id, number, title, opportunity_id, customer_id, owner_id, status,
                    status_changed_at, amount, currency, risk_level, buyer_name, signed_on, signed_at, terminated_at,
                    retain_until, created_at, updated_at, version, search_keys, live_duplicate)
                values (:id, :number, '迁移测试合同', :opportunity, :customer, :owner, :status, :at, :amount, 'CNY', 'LOW',
                    '杭州迁移赢单有限公司', date '2026-11-20', :at, :terminated, date '2036-11-20', :at, :at, 1, '{}',
                    :duplicate)""")
                .param("id", id).param("number", "HT-MIG-" + id).param("opportunity", opportunity)
                .param("customer", UUID.randomUUID()).param("owner", UUID.randomUUID()).param("status", status)
                .param("amount", new BigDecimal(amount)).param("at", Timestamp.from(WON))
                .param("terminated", "TERMINATED".equals(status) ? Timestamp.from(WON) : null)
                .param("duplicate", liveDuplicate).update();
        file(id, "SIGNED_SCAN", paper);
        return id;
    }

    private void amendment(UUID contract, String change, String paper) {
        UUID id = UUID.randomUUID();
        UUID scan = file(contract, "AMENDMENT_SCAN", paper);
        jdbc.sql("""
                insert into contract_amendment (id, contract_id, number, title, summary, amount_change, signed_on,
                    scan_file_id, created_at, version)
                values (:id, :contract, :number, '补充协议', '迁移测试', :change, date '2026-11-25', :scan, :at, 0)""")
                .param("id", id).param("contract", contract).param("number", "BC-MIG-" + id)
                .param("change", new BigDecimal(change)).param("scan", scan).param("at", Timestamp.from(WON)).update();
    }

    private UUID file(UUID contract, String kind, String paper) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into contract_file (contract_id, file_id, kind, added_at, sha256)
                values (:contract, :id, :kind, :at, encode(sha256(convert_to(:paper, 'UTF8')), 'hex'))""")
                .param("contract", contract).param("id", id).param("kind", kind).param("at", Timestamp.from(WON))
                .param("paper", "迁移测试纸面 " + paper).update();
        return id;
    }

    private String number(UUID contract) {
        return jdbc.sql("select number from contract_contract where id = :id").param("id", contract)
                .query(String.class).single();
    }

    private String state(UUID opportunity) {
        return jdbc.sql("select amount || ':' || version from opportunity_opportunity where id = :id")
                .param("id", opportunity).query(String.class).single();
    }

    private BigDecimal wonCell(UUID owner) {
        return jdbc.sql("select coalesce(sum(amount), 0) from opportunity_forecast_month where owner_id = :o"
                + " and stage = 'WON'").param("o", owner).query(BigDecimal.class).single();
    }

    private List<String> audit(UUID opportunity) {
        return migration().systemAudit("Opportunity", opportunity);
    }
}
