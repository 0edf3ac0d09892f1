package com.lead2cash.invoice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V202612140400 (decisions 0088, 0102): an invoice request left PENDING_APPROVAL on a contract terminated before its
 * termination cancelled such requests is cancelled as the termination now cancels it — its running approval withdrawn
 * by its submitter (open tasks skipped, the WITHDRAWN history line, finance's notices settled and their unsent e-mail
 * withdrawn), the request cancelled on the termination with no reason and no one cancelling it, and the audit lines
 * saving them writes. A request on a contract still signed, one finance approved, one cancelled before, stays as it is.
 * Run twice, it changes each record once.
 */
@IntegrationTest
class RequestsOnTerminatedContractsMigrationTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-20T02:00:00.120Z");
    private static final Instant UPDATED = Instant.parse("2026-11-20T02:00:00.123400Z");
    private static final Instant TERMINATED = Instant.parse("2026-11-25T06:30:00Z");

    @Autowired JdbcClient jdbc;

    @Test
    void flywayRanIt() {
        assertThat(migration().ranByFlyway()).isTrue();
    }

    @Test
    void aRequestPendingOnATerminatedContractIsCancelledOnTheTerminationAndItsApprovalWithdrawn() {
        UUID terminated = contract("TERMINATED");
        UUID signed = contract("SIGNED");
        UUID submitter = UUID.randomUUID();
        UUID approver = UUID.randomUUID();
        UUID stuckApproval = approval(submitter);
        UUID decided = task(stuckApproval, 0, "APPROVED", approver);
        UUID waiting = task(stuckApproval, 1, "PENDING", null);
        UUID later = task(stuckApproval, 2, "WAITING", null);
        UUID notice = notice(waiting, approver);
        UUID stuck = invoice(terminated, "PENDING_APPROVAL", stuckApproval, submitter, "KP-MIG-T1");
        UUID withoutApproval = invoice(terminated, "PENDING_APPROVAL", null, submitter, "KP-MIG-T2");

        UUID runningApproval = approval(submitter);
        UUID stillWaiting = task(runningApproval, 0, "PENDING", null);
        UUID stillNotice = notice(stillWaiting, approver);
        UUID onSigned = invoice(signed, "PENDING_APPROVAL", runningApproval, submitter, "KP-MIG-T3");
        UUID approved = invoice(terminated, "APPROVED", null, submitter, "KP-MIG-T4");
        UUID cancelled = invoice(terminated, "CANCELLED", null, submitter, "KP-MIG-T5");

        migration().runTwice();

        assertThat(invoiceState(stuck)).isEqualTo("CANCELLED:true:1");
        assertThat(invoiceState(withoutApproval)).isEqualTo("CANCELLED:true:1");
        assertThat(jdbc.sql("""
                select count(*) from invoice_invoice where id in (:ids) and cancelled_by is null
                    and cancel_reason is null and not cancelled_on_withdrawal and cancelled_at is not null
                    and cancelled_at = updated_at""")
                .param("ids", List.of(stuck, withoutApproval))
                .query(Long.class).single()).as("by no one, no reason typed, now").isEqualTo(2);
        assertThat(invoiceState(onSigned)).as("its contract stands: finance decides it")
                .isEqualTo("PENDING_APPROVAL:false:0");
        assertThat(invoiceState(approved)).as("finance's to close (0088)").isEqualTo("APPROVED:false:0");
        assertThat(invoiceState(cancelled)).isEqualTo("CANCELLED:false:0");

        // the approval is withdrawn by its submitter, its open tasks skipped, its history says so once
        assertThat(approvalState(stuckApproval)).isEqualTo("WITHDRAWN:true:2");
        assertThat(taskStates(stuckApproval)).containsExactly("APPROVED", "SKIPPED", "SKIPPED");
        assertThat(jdbc.sql("select event || ':' || round || ':' || actor_id from approval_history"
                        + " where approval_id = :a").param("a", stuckApproval).query(String.class).list())
                .containsExactly("WITHDRAWN:1:" + submitter);
        assertThat(approvalState(runningApproval)).isEqualTo("IN_PROGRESS:false:1");
        assertThat(taskStates(runningApproval)).containsExactly("PENDING");
        assertThat(jdbc.sql("select count(*) from approval_history where approval_id = :a").param("a", runningApproval)
                .query(Long.class).single()).isZero();

        // finance's notice of the task is settled and its unsent e-mail withdrawn; the other task's stays
        assertThat(noticeState(notice)).isEqualTo("settled:read:WITHDRAWN");
        assertThat(noticeState(stillNotice)).isEqualTo("open:unread:PENDING");

        // the audit lines saving the approval and the request write, by the system, once
        Instant ended = jdbc.sql("select ended_at from approval where id = :a").param("a", stuckApproval)
                .query(Timestamp.class).single().toInstant();
        String decidedTask = decided + ":APPROVED (" + approver + ")";
        String tasksBefore = Stream.of(decidedTask, waiting + ":PENDING", later + ":WAITING").sorted().toList()
                .toString();
        String tasksAfter = Stream.of(decidedTask, waiting + ":SKIPPED", later + ":SKIPPED").sorted().toList()
                .toString();
        assertThat(audit("Approval", stuckApproval)).containsExactly(
                "UPDATE state IN_PROGRESS -> WITHDRAWN",
                "UPDATE tasks " + tasksBefore + " -> " + tasksAfter,
                "UPDATE endedAt null -> " + ended);
        Instant cancelledAt = jdbc.sql("select cancelled_at from invoice_invoice where id = :id").param("id", stuck)
                .query(Timestamp.class).single().toInstant();
        assertThat(cancelledAt).as("with the withdrawal").isEqualTo(ended);
        assertThat(audit("Invoice", stuck)).containsExactly(
                "UPDATE status PENDING_APPROVAL -> CANCELLED",
                "UPDATE cancelledAt null -> " + cancelledAt,
                "UPDATE cancelledOnTermination false -> true",
                "UPDATE updatedAt " + UPDATED + " -> " + cancelledAt,
                "INVOICE_CANCELLED null null -> null invoice.audit.cancelledOnTermination|KP-MIG-T1|HT-MIG-"
                        + terminated);
        assertThat(audit("Invoice", withoutApproval)).hasSize(5).last()
                .isEqualTo("INVOICE_CANCELLED null null -> null invoice.audit.cancelledOnTermination|KP-MIG-T2|HT-MIG-"
                        + terminated);
        for (UUID untouched : List.of(onSigned, approved, cancelled, runningApproval)) {
            assertThat(jdbc.sql("select count(*) from platform_audit_event where entity_id = :id")
                    .param("id", untouched.toString()).query(Long.class).single()).isZero();
        }
    }

    private RepairMigration migration() {
        return RepairMigration.of(jdbc, "202612140400");
    }

    private UUID contract(String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into contract_contract (id, number, title, opportunity_id, customer_id, owner_id, status,
                    status_changed_at, amount, currency, risk_level, buyer_name, signed_on, signed_at, terminated_at,
                    retain_until, created_at, updated_at, version, search_keys)
                values (:id, :number, '迁移测试合同', :opportunity, :customer, :owner, :status, :terminated, 500000.00,
                    'CNY', 'LOW', '杭州迁移终止有限公司', date '2026-11-10', timestamptz '2026-11-10 02:00:00Z',
                    :terminatedAt, date '2036-11-10', timestamptz '2026-11-01 02:00:00Z', :terminated, 1, '{}')""")
                .param("id", id).param("number", "HT-MIG-" + id).param("opportunity", UUID.randomUUID())
                .param("customer", UUID.randomUUID()).param("owner", UUID.randomUUID()).param("status", status)
                .param("terminated", Timestamp.from(TERMINATED))
                .param("terminatedAt", "TERMINATED".equals(status) ? Timestamp.from(TERMINATED) : null).update();
        return id;
    }

    private UUID approval(UUID submitter) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into approval (id, subject_type, subject_id, title, submitter_id, state, round, current_step,
                    submitted_at, version)
                values (:id, 'Invoice', :subject, '迁移测试开票审批', :submitter, 'IN_PROGRESS', 1, 0, :submitted, 1)""")
                .param("id", id).param("subject", UUID.randomUUID().toString()).param("submitter", submitter)
                .param("submitted", Timestamp.from(SUBMITTED)).update();
        return id;
    }

    private UUID task(UUID approval, int position, String state, UUID actedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into approval_task (id, approval, position, round, step_index, assignee_role, state, opened_at,
                    acted_by, acted_at)
                values (:id, :approval, :position, 1, 0, 'FINANCE', :state, :opened, :by, :acted)""")
                .param("id", id).param("approval", approval).param("position", position).param("state", state)
                .param("opened", "WAITING".equals(state) ? null : Timestamp.from(SUBMITTED)).param("by", actedBy)
                .param("acted", actedBy == null ? null : Timestamp.from(SUBMITTED)).update();
        return id;
    }

    /** Finance's "approval waiting for you" notice of the task, its e-mail not sent yet. */
    private UUID notice(UUID task, UUID recipient) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into notification_message (id, recipient_id, kind, title_key, args, link, urgency, created_at,
                    subject_id)
                values (:id, :to, 'approval.task.assigned', 'approval.notify.assigned', cast('["迁移测试"]' as jsonb),
                    '/approvals', 'NORMAL', :at, :task)""")
                .param("id", id).param("to", recipient).param("at", Timestamp.from(SUBMITTED)).param("task", task)
                .update();
        jdbc.sql("""
                insert into notification_delivery (id, message_id, recipient_id, channel, state, attempts,
                    next_attempt_at, created_at)
                values (:id, :message, :to, 'EMAIL', 'PENDING', 0, timestamptz '2099-01-01 00:00:00Z', :at)""")
                .param("id", UUID.randomUUID()).param("message", id).param("to", recipient)
                .param("at", Timestamp.from(SUBMITTED)).update();
        return id;
    }

    private UUID invoice(UUID contract, String status, UUID approval, UUID requester, String number) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into invoice_invoice (id, number, contract_id, contract_number, customer_id, owner_id, type,
                    buyer_name, buyer_tax_id, amount, currency, status, approval_id, requested_by, created_at,
                    updated_at, version, cancel_reason, cancelled_at, cancelled_by)
                values (:id, :number, :contract, :contractNumber, :customer, :requester, 'VAT_ORDINARY',
                    '杭州迁移终止有限公司', '91350100M000100Y43', 1000.00, 'CNY', :status, :approval, :requester,
                    :created, :updated, 0, :reason, :cancelledAt, :cancelledBy)""")
                .param("id", id).param("number", number).param("contract", contract)
                .param("contractNumber", "HT-MIG-" + contract).param("customer", UUID.randomUUID())
                .param("requester", requester).param("status", status).param("approval", approval)
                .param("created", Timestamp.from(SUBMITTED)).param("updated", Timestamp.from(UPDATED))
                .param("reason", "CANCELLED".equals(status) ? "客户不要了" : null)
                .param("cancelledAt", "CANCELLED".equals(status) ? Timestamp.from(UPDATED) : null)
                .param("cancelledBy", "CANCELLED".equals(status) ? requester : null).update();
        return id;
    }

    private String invoiceState(UUID invoice) {
        return jdbc.sql("select status || ':' || cancelled_on_termination || ':' || version from invoice_invoice"
                + " where id = :id").param("id", invoice).query(String.class).single();
    }

    private String approvalState(UUID approval) {
        return jdbc.sql("select state || ':' || (ended_at is not null) || ':' || version from approval where id = :id")
                .param("id", approval).query(String.class).single();
    }

    private List<String> taskStates(UUID approval) {
        return jdbc.sql("select state from approval_task where approval = :a order by position").param("a", approval)
                .query(String.class).list();
    }

    private String noticeState(UUID message) {
        return jdbc.sql("""
                select case when m.settled_at is null then 'open' else 'settled' end || ':'
                    || case when m.read_at is null then 'unread' else 'read' end || ':' || d.state
                from notification_message m join notification_delivery d on d.message_id = m.id where m.id = :id""")
                .param("id", message).query(String.class).single();
    }

    private List<String> audit(String type, UUID id) {
        return migration().systemAudit(type, id);
    }
}
