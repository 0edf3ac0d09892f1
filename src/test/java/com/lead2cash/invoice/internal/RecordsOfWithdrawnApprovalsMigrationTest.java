package com.lead2cash.invoice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V202612100150 (decision 0070): an invoice request and a policy change proposal left pending on an approval withdrawn
 * before they heard withdrawals are moved as a withdrawal now moves them — the request cancelled on the withdrawal (by
 * the approval's submitter, at its end), the proposal withdrawn; one whose approval still runs, or ended otherwise, or
 * that is no longer pending, stays as it is. Run twice, it changes each record once.
 */
@IntegrationTest
class RecordsOfWithdrawnApprovalsMigrationTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant WITHDRAWN = Instant.parse("2026-11-21T06:30:00Z");

    @Autowired JdbcClient jdbc;

    @Test
    void flywayRanThem() {
        assertThat(RepairMigration.of(jdbc, "202612100100").ranByFlyway()).isTrue();
        assertThat(RepairMigration.of(jdbc, "202612100150").ranByFlyway()).isTrue();
    }

    @Test
    void aRequestPendingOnAWithdrawnApprovalIsCancelledOnTheWithdrawalAndAProposalWithdrawn() throws Exception {
        UUID submitter = UUID.randomUUID();
        UUID stuck = invoice("PENDING_APPROVAL", approval("Invoice", "WITHDRAWN", submitter));
        UUID running = invoice("PENDING_APPROVAL", approval("Invoice", "IN_PROGRESS", submitter));
        UUID cancelled = invoice("CANCELLED", approval("Invoice", "WITHDRAWN", submitter));
        UUID rejected = invoice("REJECTED", approval("Invoice", "SENT_BACK", submitter));
        UUID stuckProposal = proposal("PENDING", "WITHDRAWN");
        UUID waitingProposal = proposal("PENDING", "IN_PROGRESS");
        UUID appliedProposal = proposal("APPLIED", "APPROVED");

        RepairMigration.of(jdbc, "202612100150").runTwice();

        assertThat(invoiceState(stuck)).isEqualTo("CANCELLED:true:1");
        assertThat(jdbc.sql("select cancelled_by from invoice_invoice where id = :id").param("id", stuck)
                .query(UUID.class).single()).as("by the one who withdrew it").isEqualTo(submitter);
        assertThat(jdbc.sql("select cancelled_at from invoice_invoice where id = :id").param("id", stuck)
                .query(java.sql.Timestamp.class).single().toInstant()).as("when it was withdrawn").isEqualTo(WITHDRAWN);
        assertThat(jdbc.sql("select cancel_reason is null from invoice_invoice where id = :id").param("id", stuck)
                .query(Boolean.class).single()).as("no reason typed").isTrue();
        assertThat(invoiceState(running)).as("finance still decides it").isEqualTo("PENDING_APPROVAL:false:0");
        assertThat(invoiceState(cancelled)).as("cancelled with its reason").isEqualTo("CANCELLED:false:0");
        assertThat(invoiceState(rejected)).isEqualTo("REJECTED:false:0");

        assertThat(proposalState(stuckProposal)).isEqualTo("WITHDRAWN:" + WITHDRAWN);
        assertThat(proposalState(waitingProposal)).isEqualTo("PENDING:null");
        assertThat(proposalState(appliedProposal)).isEqualTo("APPLIED:null");
    }

    private UUID approval(String subjectType, String state, UUID submitter) {
        return approval(subjectType, UUID.randomUUID().toString(), state, submitter);
    }

    private UUID approval(String subjectType, String subjectId, String state, UUID submitter) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into approval (id, subject_type, subject_id, title, submitter_id, state, round, current_step,
                    submitted_at, ended_at, version)
                values (:id, :type, :subject, '迁移测试审批', :submitter, :state, 1, 0, :submitted, :ended, 1)""")
                .param("id", id).param("type", subjectType).param("subject", subjectId).param("submitter", submitter)
                .param("state", state).param("submitted", java.sql.Timestamp.from(SUBMITTED))
                .param("ended", "IN_PROGRESS".equals(state) ? null : java.sql.Timestamp.from(WITHDRAWN)).update();
        return id;
    }

    private UUID invoice(String status, UUID approval) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into invoice_invoice (id, number, contract_id, contract_number, customer_id, owner_id, type,
                    buyer_name, buyer_tax_id, amount, currency, status, approval_id, requested_by, created_at, updated_at,
                    version)
                values (:id, :number, :contract, 'HT-MIG-WD', :customer, :owner, 'VAT_ORDINARY', '杭州迁移撤回有限公司',
                    '91350100M000100Y43', 1000.00, 'CNY', :status, :approval, :owner, :at, :at, 0)""")
                .param("id", id).param("number", "KP-MIG-" + id).param("contract", UUID.randomUUID())
                .param("customer", UUID.randomUUID()).param("owner", UUID.randomUUID()).param("status", status)
                .param("approval", approval).param("at", java.sql.Timestamp.from(SUBMITTED)).update();
        return id;
    }

    private UUID proposal(String state, String approvalState) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into sop_policy_proposal (id, reason, changes, summary, base_version, change_rows, proposed_by,
                    proposed_by_name, state, created_at)
                values (:id, '迁移测试', cast('[]' as jsonb), 'L1.window: 2h → 3h', 1, cast('[]' as jsonb), :by, 'admin',
                    :state, :at)""")
                .param("id", id).param("by", UUID.randomUUID()).param("state", state)
                .param("at", java.sql.Timestamp.from(SUBMITTED)).update();
        approval("PolicyChange", id.toString(), approvalState, UUID.randomUUID());
        return id;
    }

    private String invoiceState(UUID invoice) {
        return jdbc.sql("select status || ':' || cancelled_on_withdrawal || ':' || version from invoice_invoice where id = :id")
                .param("id", invoice).query(String.class).single();
    }

    private String proposalState(UUID proposal) {
        return jdbc.sql("""
                select state || ':' || coalesce(to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                from sop_policy_proposal where id = :id""").param("id", proposal).query(String.class).single();
    }
}
