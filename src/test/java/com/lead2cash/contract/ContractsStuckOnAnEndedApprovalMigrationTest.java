package com.lead2cash.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.ContractTestSupport.Reviewers;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.RepairMigration;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * V202612140600: a contract resubmitted after a withdrawal stayed FINAL_APPROVAL once its new flow ended, the contract
 * following it only while their rounds agreed. Each contract in review whose own approval ended moves as the product
 * now moves it, at the approval's end, with its own event: approved (K2) to APPROVED, to be signed, recorded as the last
 * final approver's; sent back, turned down or withdrawn to REVISING. One whose approval still runs, in final approval
 * or in the departments' review, stays as it is; run twice, each moves once.
 */
@IntegrationTest
@Import(TestClock.class)
class ContractsStuckOnAnEndedApprovalMigrationTest {

    private static final Instant MANAGER_APPROVED = Instant.parse("2026-11-30T03:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-11-30T06:30:00Z");

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired JdbcClient jdbc;
    @Autowired SignedContracts contracts;

    @Test
    void flywayRanIt() {
        assertThat(migration().ranByFlyway()).isTrue();
    }

    @Test
    void K2_aContractInFinalApprovalWhoseApprovalEndedIsApprovedOrReturnedAsTheProductWouldAndNoOtherMoves() {
        Reviewers r = support.reviewers("k2mig");
        JsonNode approvedStuck = inFinalApproval(r, "杭州迁移批准科技有限公司");
        JsonNode sentBackStuck = inFinalApproval(r, "杭州迁移退回科技有限公司");
        JsonNode waiting = inFinalApproval(r, "杭州迁移待批科技有限公司");
        // the final approvers' decisions as the approval took them while the contract heard nothing of them
        String approval = approvedStuck.get("approvalId").asString();
        String legalHead = endFinalStep(approval, "APPROVED", r.manager().id().toString());
        endFinalStep(sentBackStuck.get("approvalId").asString(), "SENT_BACK", r.manager().id().toString());

        migration().runTwice();

        String rep = support.bearer(mvc, r.rep());
        JsonNode approved = customers.getJson(mvc, rep, "/api/v1/contracts/" + approvedStuck.get("id").asString());
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(Instant.parse(approved.get("approvedAt").asString())).as("when the approval ended").isEqualTo(ENDED);
        assertThat(approved.get("availableActions").valueStream().map(JsonNode::asString)).contains("SIGN");
        assertThat(approved.get("version").asLong()).isEqualTo(approvedStuck.get("version").asLong() + 1);
        assertThat(events(approvedStuck)).containsExactly("APPROVED:" + legalHead + ":sha256 "
                + approvedStuck.get("pdfSha256").asString() + ":" + ENDED);
        assertThat(jdbc.sql("select waiting_for from contract_contract where id = cast(:id as uuid)")
                .param("id", approved.get("id").asString()).query(String.class).single())
                .isEqualTo("USER:" + r.rep().id());

        JsonNode returned = customers.getJson(mvc, rep, "/api/v1/contracts/" + sentBackStuck.get("id").asString());
        assertThat(returned.get("status").asString()).isEqualTo("REVISING");
        assertThat(returned.get("availableActions").valueStream().map(JsonNode::asString)).contains("EDIT", "SUBMIT");
        assertThat(events(sentBackStuck)).containsExactly("RETURNED:null:SENT_BACK:" + ENDED);

        JsonNode still = customers.getJson(mvc, rep, "/api/v1/contracts/" + waiting.get("id").asString());
        assertThat(still.get("status").asString()).as("its final approvers still decide").isEqualTo("FINAL_APPROVAL");
        assertThat(still.get("version").asLong()).isEqualTo(waiting.get("version").asLong());
        assertThat(events(waiting)).isEmpty();
    }

    @Test
    void K2_aContractInFinalApprovalWhoseApprovalWasTurnedDownOrWithdrawnGoesBackToRevisingAndOneInReviewStaysAsItIs() {
        Reviewers r = support.reviewers("k2mig2");
        JsonNode rejectedStuck = inFinalApproval(r, "杭州迁移否决科技有限公司");
        JsonNode withdrawnStuck = inFinalApproval(r, "杭州迁移撤回科技有限公司");
        JsonNode reviewing = inReview(r, "杭州迁移审查科技有限公司");
        endFinalStep(rejectedStuck.get("approvalId").asString(), "REJECTED", r.manager().id().toString());
        withdraw(withdrawnStuck.get("approvalId").asString());

        migration().runTwice();

        String rep = support.bearer(mvc, r.rep());
        for (JsonNode stuck : List.of(rejectedStuck, withdrawnStuck)) {
            JsonNode returned = customers.getJson(mvc, rep, "/api/v1/contracts/" + stuck.get("id").asString());
            assertThat(returned.get("status").asString()).isEqualTo("REVISING");
            assertThat(returned.get("availableActions").valueStream().map(JsonNode::asString)).contains("EDIT", "SUBMIT");
            assertThat(returned.get("version").asLong()).as("moved once").isEqualTo(stuck.get("version").asLong() + 1);
            assertThat(jdbc.sql("select waiting_for from contract_contract where id = cast(:id as uuid)")
                    .param("id", stuck.get("id").asString()).query(String.class).single())
                    .isEqualTo("USER:" + r.rep().id());
        }
        assertThat(events(rejectedStuck)).containsExactly("RETURNED:null:REJECTED:" + ENDED);
        assertThat(events(withdrawnStuck)).containsExactly("RETURNED:null:WITHDRAWN:" + ENDED);

        JsonNode still = customers.getJson(mvc, rep, "/api/v1/contracts/" + reviewing.get("id").asString());
        assertThat(still.get("status").asString()).as("its departments still review it").isEqualTo("IN_REVIEW");
        assertThat(still.get("version").asLong()).isEqualTo(reviewing.get("version").asLong());
        assertThat(events(reviewing)).isEmpty();
    }

    private RepairMigration migration() {
        return RepairMigration.of(jdbc, "202612140600");
    }

    /** A contract of the rep that passed the departments' review (K1): FINAL_APPROVAL, as the owner reads it. */
    private JsonNode inFinalApproval(Reviewers r, String customer) {
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, customer, "600000.00");
        String id = support.draft(mvc, rep, opportunity, "600000.00", "LOW").get("id").asString();
        contracts.reviewDraft(mvc, r, id);
        JsonNode contract = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(contract.get("status").asString()).isEqualTo("FINAL_APPROVAL");
        return contract;
    }

    /** A contract of the rep submitted and not yet reviewed by the departments (K1): IN_REVIEW, its approval running. */
    private JsonNode inReview(Reviewers r, String customer) {
        String rep = support.bearer(mvc, r.rep());
        String opportunity = support.opportunityAtContractStage(mvc, r, customer, "600000.00");
        String id = support.draft(mvc, rep, opportunity, "600000.00", "LOW").get("id").asString();
        JsonNode complete = support.complete(mvc, rep, id);
        assertThat(support.post(mvc, rep, "/api/v1/contracts/" + id + "/submit",
                "{\"version\":" + complete.get("version").asLong() + "}")).hasStatusOk();
        JsonNode contract = customers.getJson(mvc, rep, "/api/v1/contracts/" + id);
        assertThat(contract.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(jdbc.sql("select state from approval where id = cast(:a as uuid)")
                .param("a", contract.get("approvalId").asString()).query(String.class).single()).isEqualTo("IN_PROGRESS");
        return contract;
    }

    /** The approval withdrawn by its submitter as the approval module records it: open tasks skipped; the contract not told. */
    private void withdraw(String approval) {
        jdbc.sql("""
                update approval_task t set state = 'SKIPPED'
                  from approval a
                 where a.id = t.approval and t.round = a.round and a.id = cast(:a as uuid)
                   and t.state in ('PENDING', 'WAITING')""").param("a", approval).update();
        jdbc.sql("update approval set state = 'WITHDRAWN', ended_at = :ended where id = cast(:a as uuid)")
                .param("ended", Timestamp.from(ENDED)).param("a", approval).update();
    }

    /**
     * The final step's tasks decided (the manager first, the legal head last) and the approval ended in {@code state},
     * as the approval module records it; the contract not told. Answers the legal head's id.
     */
    private String endFinalStep(String approval, String state, String manager) {
        String legalHead = jdbc.sql("""
                select t.assignee_id::text from approval_task t join approval a on a.id = t.approval and t.round = a.round
                 where a.id = cast(:a as uuid) and t.state = 'PENDING' and t.assignee_id <> cast(:m as uuid)""")
                .param("a", approval).param("m", manager).query(String.class).single();
        jdbc.sql("""
                update approval_task t set state = case when t.assignee_id = cast(:head as uuid) then cast(:state as text)
                        else 'APPROVED' end,
                    acted_by = t.assignee_id,
                    acted_at = case when t.assignee_id = cast(:head as uuid) then cast(:ended as timestamptz)
                        else cast(:manager as timestamptz) end
                  from approval a
                 where a.id = t.approval and t.round = a.round and a.id = cast(:a as uuid) and t.state = 'PENDING'""")
                .param("head", legalHead).param("state", state).param("a", approval)
                .param("ended", Timestamp.from(ENDED)).param("manager", Timestamp.from(MANAGER_APPROVED)).update();
        jdbc.sql("update approval set state = :state, ended_at = :ended where id = cast(:a as uuid)")
                .param("state", state).param("ended", Timestamp.from(ENDED)).param("a", approval).update();
        return legalHead;
    }

    /** The contract's APPROVED and RETURNED events: kind, actor, detail and when. */
    private List<String> events(JsonNode contract) {
        return jdbc.sql("""
                select kind || ':' || coalesce(actor_id::text, 'null') || ':' || detail || ':'
                       || to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                  from contract_event where contract_id = cast(:id as uuid) and kind in ('APPROVED', 'RETURNED')
                 order by id""").param("id", contract.get("id").asString()).query(String.class).list();
    }
}
