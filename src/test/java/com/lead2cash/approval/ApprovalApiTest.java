package com.lead2cash.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The approvals API: the decision call's answer shape and its 404 / 409 / 422 problems. */
@IntegrationTest
@Import(RecordingCollaborators.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalApiTest {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    UUID rep;
    Map<String, com.lead2cash.platform.internal.identity.User> people = new HashMap<>();

    @BeforeAll
    void people() {
        LocalDate hired = LocalDate.of(2022, 5, 1);
        rep = fixtures.user("rep", fixtures.rootUnit(), hired, Role.SALES_REP).id();
        people.put("lawyer", fixtures.user("lawyer", fixtures.rootUnit(), hired, Role.LEGAL));
        fixtures.user("accountant", fixtures.rootUnit(), hired, Role.FINANCE);
        people.put("outsider", fixtures.user("outsider", fixtures.rootUnit(), hired, Role.MARKETING));
    }

    String bearer(String username) {
        return "Bearer " + fixtures.token(mvc, username);
    }

    /** An administrator submits a K1-style review on the rep's behalf. */
    UUID submitReview(String subjectId) {
        MvcTestResult result = mvc.post().uri("/api/v1/approvals").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON).content(reviewJson(subjectId)).exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return UUID.fromString(fixtures.mapper().readTree(result.getResponse().getContentAsByteArray()).get("id").asString());
    }

    String reviewJson(String subjectId) {
        return """
                {"subjectType":"Contract","subjectId":"%s","title":"Contract %s","submitterId":"%s",
                 "facts":{"amount":"1500000.00"},
                 "steps":[{"name":"Internal review","mode":"PARALLEL","slaRuleId":"K1",
                           "approvers":[{"type":"ROLE","role":"LEGAL"},{"type":"ROLE","role":"FINANCE"}]}]}
                """.formatted(subjectId, subjectId, rep);
    }

    MvcTestResult decide(String username, UUID id, String json) {
        return mvc.post().uri("/api/v1/approvals/{id}/decision", id).header(HttpHeaders.AUTHORIZATION, bearer(username))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    @Test
    void aDecisionAnswersTheApproval() {
        UUID id = submitReview("C-1");
        assertThat(decide("lawyer", id, "{\"decision\":\"APPROVE\",\"comment\":\"clauses fine\"}")).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.id").isEqualTo(id.toString());
                    json.assertThat().extractingPath("$.subjectType").isEqualTo("Contract");
                    json.assertThat().extractingPath("$.subjectId").isEqualTo("C-1");
                    json.assertThat().extractingPath("$.title").isEqualTo("Contract C-1");
                    json.assertThat().extractingPath("$.state").isEqualTo("IN_PROGRESS");
                    json.assertThat().extractingPath("$.round").isEqualTo(1);
                    json.assertThat().extractingPath("$.submitterId").isEqualTo(rep.toString());
                    json.assertThat().extractingPath("$.steps[0].name").isEqualTo("Internal review");
                    json.assertThat().extractingPath("$.steps[0].mode").isEqualTo("PARALLEL");
                    json.assertThat().extractingPath("$.steps[0].state").isEqualTo("IN_PROGRESS");
                    json.assertThat().extractingPath("$.steps[0].tasks[0].assigneeRole").isEqualTo("LEGAL");
                    json.assertThat().extractingPath("$.steps[0].tasks[0].state").isEqualTo("APPROVED");
                    json.assertThat().extractingPath("$.steps[0].tasks[0].comment").isEqualTo("clauses fine");
                    json.assertThat().extractingPath("$.steps[0].tasks[0].actedAt").isNotNull();
                    json.assertThat().extractingPath("$.steps[0].tasks[1].state").isEqualTo("PENDING");
                    json.assertThat().extractingPath("$.history[0].event").isEqualTo("SUBMITTED");
                    json.assertThat().extractingPath("$.version").isNotNull();
                });
    }

    @Test
    void anApprovalOutsideTheCallersInvolvementIsNotFound() {
        UUID id = submitReview("C-2");
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("outsider")))
                .hasStatus(HttpStatus.NOT_FOUND).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(decide("outsider", id, "{\"decision\":\"APPROVE\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(decide("lawyer", UUID.randomUUID(), "{\"decision\":\"APPROVE\"}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("rep")))
                .hasStatusOk();
    }

    @Test
    void decidingTwiceOrWithNothingPendingIsAConflict() {
        UUID id = submitReview("C-3");
        assertThat(decide("lawyer", id, "{\"decision\":\"APPROVE\"}")).hasStatusOk();
        MvcTestResult again = decide("lawyer", id, "{\"decision\":\"APPROVE\"}");
        assertThat(again).as("the second decision is told who decided, not that nothing is theirs")
                .hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.code").isEqualTo("approval.task.decidedBy");
        assertThat(again).bodyJson().extractingPath("$.detail").asString().contains(people.get("lawyer").displayName());
        assertThat(decide("accountant", id, "{\"decision\":\"APPROVE\"}")).as("the step's other approver still decides theirs")
                .hasStatusOk();
    }

    @Test
    void theSubmitterMaySeeTheirApprovalButNeverDecideItA403NotAConflict() {
        UUID id = submitReview("C-5");
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("rep")))
                .hasStatusOk();
        assertThat(decide("rep", id, "{\"decision\":\"APPROVE\"}")).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.code").isEqualTo("approval.task.ownSubmission");
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("rep")))
                .bodyJson().extractingPath("$.state").isEqualTo("IN_PROGRESS");
    }

    @Test
    void rejectingWithoutACommentIsRefusedFieldByField() {
        UUID id = submitReview("C-4");
        assertThat(decide("accountant", id, "{\"decision\":\"REJECT\"}")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.errors[0].field").isEqualTo("comment");
                    json.assertThat().extractingPath("$.errors[0].code").isEqualTo("approval.comment.required");
                });
        assertThat(decide("accountant", id, "{\"decision\":\"SEND_BACK\",\"comment\":\"\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void pendingListShowsRolePoolTasksAndOnlyAdministratorsSubmitDirectly() {
        UUID id = submitReview("C-5");
        assertThat(mvc.get().uri("/api/v1/approvals?mine=pending").header(HttpHeaders.AUTHORIZATION, bearer("lawyer")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.items[?(@.id=='" + id + "')].task.assigneeRole")
                            .asArray().containsExactly("LEGAL");
                    json.assertThat().hasPathSatisfying("$.nextCursor", v -> assertThat(v).isNull());
                });
        assertThat(mvc.get().uri("/api/v1/approvals?mine=submitted").header(HttpHeaders.AUTHORIZATION, bearer("rep")))
                .hasStatusOk().bodyJson().extractingPath("$.items[0].id").isEqualTo(id.toString());
        assertThat(mvc.post().uri("/api/v1/approvals").header(HttpHeaders.AUTHORIZATION, bearer("rep"))
                .contentType(MediaType.APPLICATION_JSON).content(reviewJson("C-6"))).hasStatus(HttpStatus.FORBIDDEN);
    }

    /**
     * Audit of the walk's finding (a quote's 20 000 lines priced before their limit): a flow submitted directly had no
     * limit, and the first step's approvers were each looked up. More steps, approvers or facts than an approval takes
     * are refused by their counts alone — had one approver been looked up, these people nobody has would be
     * approvers or a fallback — and nothing is stored.
     */
    @Test
    void aFlowWithMoreStepsApproversOrFactsThanAnApprovalTakesIsRefusedByItsCountsAndNothingIsStored() throws Exception {
        Map<String, Object> review = Map.of("name", "Review", "mode", "PARALLEL",
                "approvers", List.of(Map.of("type", "ROLE", "role", "LEGAL")));
        Map<String, Object> crowdedReview = Map.of("name", "Review", "mode", "PARALLEL", "approvers",
                Stream.generate(() -> Map.of("type", "USER", "userId", UUID.randomUUID().toString())).limit(51).toList());
        Map<String, String> manyFacts = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> manyFacts.put("fact" + i, String.valueOf(i)));
        Map<String, Map<String, Object>> refusals = Map.of(
                "steps[0].approvers approval.approvers.tooMany", limitsFlow(Map.of("steps", List.of(crowdedReview))),
                "steps approval.steps.tooMany", limitsFlow(Map.of("steps", Collections.nCopies(11, review))),
                "facts approval.facts.tooMany", limitsFlow(Map.of("facts", manyFacts, "steps", List.of(review))));
        for (var refusal : refusals.entrySet()) {
            MvcTestResult refused = mvc.post().uri("/api/v1/approvals").header(HttpHeaders.AUTHORIZATION, bearer("admin"))
                    .contentType(MediaType.APPLICATION_JSON).content(fixtures.mapper().writeValueAsString(refusal.getValue()))
                    .exchange();
            assertThat(refused).as(refusal.getKey()).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            assertThat(fixtures.mapper().readTree(refused.getResponse().getContentAsByteArray()).get("errors"))
                    .as(refusal.getKey()).extracting(e -> e.get("field").asString() + " " + e.get("code").asString())
                    .containsExactly(refusal.getKey());
        }
        assertThat(jdbcForLabels.sql("select count(*) from approval where subject_id = 'C-LIMITS'").query(Long.class).single())
                .isZero();
    }

    private Map<String, Object> limitsFlow(Map<String, Object> stepsAndFacts) {
        Map<String, Object> flow = new HashMap<>(Map.of("subjectType", "Contract", "subjectId", "C-LIMITS",
                "title", "Contract C-LIMITS", "submitterId", rep.toString()));
        flow.putAll(stepsAndFacts);
        return flow;
    }

    @Autowired List<com.lead2cash.sop.SubjectDescriber> describers;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcForLabels;

    @Test
    void anApprovalTasksDeadlineReadsAsTheApprovalsTitleAndLinksToItForThoseItOpensFor() {
        UUID id = submitReview("C-7");
        UUID task = jdbcForLabels.sql("select id from approval_task where approval = :a limit 1").param("a", id)
                .query(UUID.class).single();
        String title = jdbcForLabels.sql("select title from approval where id = :a").param("a", id).query(String.class).single();
        var describer = describers.stream().filter(d -> d.subjectType().equals("ApprovalTask")).findFirst().orElseThrow();
        var ids = List.of(task.toString(), "not-a-uuid");
        assertThat(as("lawyer").actAs(() -> describer.describe(ids)))
                .containsOnlyKeys(task.toString())
                .containsEntry(task.toString(), new com.lead2cash.sop.SubjectDescriber.SubjectLabel(title, "/approvals/" + id));
        // someone the approval does not involve reads the label (a deadline of their team's) but gets no link: 404 there
        assertThat(mvc.get().uri("/api/v1/approvals/{id}", id).header(HttpHeaders.AUTHORIZATION, bearer("outsider")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(as("outsider").actAs(() -> describer.describe(ids)))
                .containsEntry(task.toString(), new com.lead2cash.sop.SubjectDescriber.SubjectLabel(title, null));
    }

    @Autowired List<com.lead2cash.platform.RecordNames> recordNames;

    @Test
    void anApprovalReadsOnTheAuditScreenAsTheApprovalOfItsKindOfRecordAndTitleLinkedForThoseItOpensFor() throws Exception {
        UUID id = submitReview("C-9");
        var admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);

        for (String[] language : new String[][] {{"zh-CN", "合同审批：Contract C-9"}, {"en", "Approval of Contract Contract C-9"}}) {
            String rows = mvc.get().uri("/admin/audit?lang=" + language[0] + "&entityType=Approval&entityId=" + id)
                    .cookie(admin).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(rows).contains("href=\"/approvals/" + id + "\"", ">" + language[1] + "</a>")
                    .doesNotContain(">" + id + "<");
        }
        var namer = recordNames.stream().filter(n -> n.recordType().equals("Approval")).findFirst().orElseThrow();
        assertThat(as("outsider").actAs(() -> namer.names(List.of(id.toString(), "not-a-uuid"))))
                .as("someone the approval does not involve reads its name, without a link").containsOnlyKeys(id.toString())
                .extractingByKey(id.toString()).extracting(com.lead2cash.platform.RecordNames.RecordName::link).isNull();
    }

    com.lead2cash.platform.CurrentUser as(String username) {
        var u = people.get(username);
        return new com.lead2cash.platform.CurrentUser(u.id(), u.username(), u.displayName(), u.orgUnitId(), u.roleSet());
    }

    @Test
    void anApprovalsCreationItsStepsFactsAndTasksLineByLineByTheirLabelsAndItsTasksReadOnTheAuditScreenInWordsItsPeopleByName() throws Exception {
        UUID id = submitReview("C-11");
        assertThat(decide("lawyer", id, "{\"decision\":\"APPROVE\",\"comment\":\"clauses fine\"}")).hasStatusOk();
        var admin = fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD);
        String submitter = jdbcForLabels.sql("select display_name from platform_user where id = :id").param("id", rep)
                .query(String.class).single();

        for (String[] words : new String[][] {
                {"zh-CN", "审批步骤：[名称：Internal review，审批方式：并行会签，时限规则：K1，审批人：任一法务,任一财务]", "提交人：" + submitter,
                        "审批要点：[金额：1,500,000.00]", "审批任务：[轮次：1，步骤：0，处理角色：法务，状态：待审批，发起时间：",
                        "<td>审批任务</td>", "已同意 (" + people.get("lawyer").displayName() + ")", "审批对象类型：合同", "状态：审批中"},
                {"en", "Steps: [Name: Internal review, Mode: In parallel, Time limit rule: K1, Approvers: Any Legal,Any Finance]",
                        "Submitted by: " + submitter, "Facts: [Amount: 1,500,000.00]",
                        "Tasks: [Round: 1, Step: 0, Assignee role: Legal, State: Pending, Opened at: ", "<td>Tasks</td>", "Approved (" + people.get("lawyer").displayName() + ")",
                        "Subject type: Contract", "State: In progress"}}) {
            String rows = mvc.get().uri("/admin/audit?lang=" + words[0] + "&entityType=Approval&entityId=" + id)
                    .cookie(admin).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(rows).as(words[0]).contains(java.util.Arrays.copyOfRange(words, 1, words.length))
                    .doesNotContain("FlowStep[", "ApprovalFact[", "(1500000.00)", "assigneeRole", "&quot;mode&quot;", "{subjectType=", "&quot;subjectType&quot;", ">tasks<",
                            ":PENDING", ":APPROVED", "ROLE:", "Name: amount", rep.toString(), people.get("lawyer").id().toString());
        }
    }
}
