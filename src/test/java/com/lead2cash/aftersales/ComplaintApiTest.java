package com.lead2cash.aftersales;

import static com.lead2cash.testing.TestClock.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.aftersales.internal.AftersalesQueries;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.files.TestFiles;
import com.lead2cash.notification.Notification;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.sop.internal.deadline.DeadlineSweeper;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.DocumentNumbers;
import com.lead2cash.testing.FormHtml;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.RecordingNotifier;
import com.lead2cash.testing.TestClock;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Complaints over the API: SLA by severity (S1, S2), level I (S3), repeats (S4), the way to close, surveys. */
@IntegrationTest
@Import({TestClock.class, ComplaintApiTest.Notifications.class})
@RecordApplicationEvents
class ComplaintApiTest {

    @TestConfiguration
    static class Notifications {
        /** Breaches and escalations are asserted as notifications handed to the notifier. */
        @Bean
        @Primary
        RecordingNotifier recordingNotifier() {
            return new RecordingNotifier();
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired RecordingNotifier notifier;
    @Autowired DeadlineSweeper sweeper;
    @Autowired SatisfactionSurveys surveys;
    @Autowired ApplicationEvents events;
    @Autowired AftersalesQueries queries;
    @Autowired com.lead2cash.platform.OrgDirectory directory;

    @AfterEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    JsonNode ok(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatusOk();
        return customers.json(result);
    }

    MvcTestResult post(String token, String uri, String body) {
        return customers.post(mvc, token, uri, body);
    }

    JsonNode receive(String token, String customerId, String severity, String description) {
        MvcTestResult r = post(token, "/api/v1/complaints", """
                {"customerId":"%s","category":"PRODUCT","severity":"%s","description":"%s","receivedVia":"PHONE",
                 "contactId":"%s","productLine":"工业网关"}""".formatted(customerId, severity, description,
                support.contactOf(customerId)));
        assertThat(r).as(ContractTestSupport.text(r)).hasStatus(201);
        return customers.json(r);
    }

    JsonNode act(String token, JsonNode c, String action, String body) {
        String sep = body.isEmpty() ? "" : ",";
        return ok(post(token, "/api/v1/complaints/" + c.get("id").asString() + "/" + action,
                "{" + body + sep + "\"version\":" + c.get("version").asLong() + "}"));
    }

    /** A minor complaint of the customer, classified and answered: its handler writes the root cause next. */
    JsonNode handling(String token, String customerId) {
        JsonNode c = receive(token, customerId, "MINOR", "说明书有错字");
        c = act(token, c, "classify", "\"category\":\"PRODUCT\",\"severity\":\"MINOR\"");
        return act(token, c, "first-response", "\"text\":\"已回电\"");
    }

    JsonNode rootCause(String token, JsonNode c, User owner) {
        return ok(customers.put(mvc, token, "/api/v1/complaints/" + c.get("id").asString() + "/root-cause", """
                {"whys":["网关频繁掉线","固件看门狗超时","新固件未做高温测试","测试用例缺高温场景","测试规范未随产品更新"],
                 "rootCause":"测试规范未覆盖高温场景","correctiveAction":"为客户升级修复固件",
                 "correctiveOwnerId":"%s","correctiveDueOn":"2026-12-04",
                 "preventiveAction":"测试规范增加高温场景","preventiveOwnerId":"%s","preventiveDueOn":"2026-12-31",
                 "version":%d}""".formatted(owner.id(), owner.id(), c.get("version").asLong())));
    }

    MvcTestResult answer(String url, String rating, String comment) {
        return mvc.post().uri(URI.create(url).getPath()).with(SecurityMockMvcRequestPostProcessors.csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .param("outcome", "RATED").param("name", "王经理").param("rating", rating).param("comment", comment)
                .exchange();
    }

    Instant due(String rule, String complaintId) {
        return jdbc.sql("select due_at from sop_deadline where rule_id = :r and subject_type = 'Complaint' and subject_id = :id "
                        + "and state <> 'CANCELLED'")
                .param("r", rule).param("id", complaintId).query(Timestamp.class).single().toInstant();
    }

    @Test
    void S1_S2_theWindowsOfEachSeverityCountWorkingTimeAcrossTheNationalDayHolidays() {
        Service s = support.service("s12");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州假期科技有限公司");
        clock.set(shanghai("2026-09-30T17:00")); // one working hour left before 国庆节 (1–7 October)

        JsonNode critical = receive(rep, customer, "CRITICAL", "产线停机");
        JsonNode major = receive(rep, customer, "MAJOR", "网关频繁掉线");
        JsonNode minor = receive(rep, customer, "MINOR", "说明书有错字");

        assertThat(Instant.parse(critical.get("responseDueAt").asString())).isEqualTo(shanghai("2026-09-30T18:00"));
        assertThat(Instant.parse(major.get("responseDueAt").asString())).as("1 h before the holiday, 3 h on 8 October")
                .isEqualTo(shanghai("2026-10-08T12:00"));
        assertThat(Instant.parse(minor.get("responseDueAt").asString())).isEqualTo(shanghai("2026-10-08T17:00"));
        assertThat(Instant.parse(critical.get("resolutionDueAt").asString())).isEqualTo(shanghai("2026-10-08T17:00"));
        assertThat(Instant.parse(major.get("resolutionDueAt").asString())).isEqualTo(shanghai("2026-10-09T17:00"));
        String id = major.get("id").asString();
        assertThat(customers.deadlines("Complaint", id)).containsExactlyInAnyOrder("S1:OPEN", "S2:OPEN");
        assertThat(due("S1", id)).isEqualTo(shanghai("2026-10-08T12:00"));
        assertThat(due("S2", id)).isEqualTo(shanghai("2026-10-09T17:00"));
        assertThat(major.get("code").asString()).startsWith("CP-2026-");
        assertThat(major.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(major.get("slaState").asString()).isEqualTo("ON_TRACK");

        clock.set(shanghai("2026-10-08T09:30"));
        JsonNode classified = act(rep, major, "classify",
                "\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"reason\":\"客户确认只是偶发\"");
        assertThat(Instant.parse(classified.get("responseDueAt").asString()))
                .as("reclassified: the minor window, counted from receipt").isEqualTo(shanghai("2026-10-08T17:00"));
        assertThat(due("S1", id)).isEqualTo(shanghai("2026-10-08T17:00"));
        JsonNode responded = act(rep, classified, "first-response", "\"text\":\"已致电客户，安排工程师排查\"");
        assertThat(responded.get("status").asString()).isEqualTo("HANDLING");
        assertThat(customers.deadlines("Complaint", id)).contains("S1:MET");
    }

    @Test
    void S1_aBreachedFirstResponseNotifiesTheHandlerAndEscalatesToTheirManager() {
        Service s = support.service("s1b");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州超时科技有限公司");
        JsonNode c = receive(rep, customer, "MAJOR", "网关频繁掉线");
        String id = c.get("id").asString();

        clock.set(Instant.parse(c.get("responseDueAt").asString()).plus(Duration.ofMinutes(1)));
        sweeper.sweep();
        assertThat(customers.deadlines("Complaint", id)).contains("S1:BREACHED", "S2:OPEN");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifier.sent("deadline.breached"))
                .filteredOn(n -> String.valueOf(n.args().get(3)).startsWith(c.get("code").asString() + " "))
                .extracting(Notification::recipientId).containsExactlyInAnyOrder(s.rep().id(), s.manager().id()));
        JsonNode breached = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        assertThat(breached.get("slaState").asString()).isEqualTo("BREACHED");
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints?sla=BREACHED").get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly(id);
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints?sla=ON_TRACK").get("items")).isEmpty();
    }

    @Test
    void S3_aCriticalComplaintIsLevelOneAndTheHandlersManagerIsToldAtOnce() {
        Service s = support.service("s3");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州重大科技有限公司");
        JsonNode critical = receive(rep, customer, "CRITICAL", "产线停机");
        JsonNode major = receive(rep, customer, "MAJOR", "网关频繁掉线");
        assertThat(critical.get("levelOne").asBoolean()).isTrue();
        assertThat(major.get("levelOne").asBoolean()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                notifier.sent("aftersales.complaint.levelOne")).filteredOn(n -> n.args().contains(critical.get("code").asString()))
                .singleElement().satisfies(n -> {
                    assertThat(n.recipientId()).isEqualTo(s.manager().id());
                    assertThat(n.urgency()).isEqualTo(Notification.Urgency.URGENT);
                }));
        assertThat(notifier.sent("aftersales.complaint.levelOne")).noneMatch(n -> n.args().contains(major.get("code").asString()));
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints?levelOne=true").get("items"))
                .extracting(i -> i.get("id").asString()).containsExactly(critical.get("id").asString());

        JsonNode reclassified = act(rep, major, "classify", "\"category\":\"PRODUCT\",\"severity\":\"CRITICAL\"");
        assertThat(reclassified.get("levelOne").asBoolean()).as("reclassified as critical").isTrue();
        assertThat(events.stream(MajorComplaintReceived.class).map(e -> e.complaintId().toString()))
                .as("the incident process hears of each major complaint once")
                .containsExactlyInAnyOrder(critical.get("id").asString(), major.get("id").asString());
    }

    @Test
    void S3_E1_aLevelOneComplaintOfAHandlerWhoHeadsAUnitUnderACompanyWithoutManagerReachesTheDirectorAndTheCustomersRep() {
        // as in the demo: after-sales' head handles it, and the company above the unit has no manager
        Service s = support.service("s3top");
        String customer = support.customer(s.rep(), "杭州顶层科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-2026-900031");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        h = ok(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", """
                {"background":"制造业","serviceNeeds":"电话支持","specialAgreements":"无","keyContacts":"王经理","version":%d}"""
                .formatted(h.get("version").asLong())));
        h = ok(post(rep, "/api/v1/handovers/" + handoverId + "/hand-over", "{\"serviceOwnerId\":\"%s\",\"version\":%d}"
                .formatted(s.serviceManager().id(), h.get("version").asLong())));
        String head = customers.bearer(mvc, s.serviceManager());
        ok(post(head, "/api/v1/handovers/" + handoverId + "/accept", "{\"version\":" + h.get("version").asLong() + "}"));

        JsonNode c = receive(head, customer, "CRITICAL", "产线全部停机");
        assertThat(c.get("handlerId").asString()).isEqualTo(s.serviceManager().id().toString());
        assertThat(c.get("levelOne").asBoolean()).isTrue();
        String code = c.get("code").asString();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                notifier.sent("aftersales.complaint.levelOne")).filteredOn(n -> n.args().contains(code))
                .as("the director at the top, the customer's rep and the rep's manager are told; the handler is not")
                .extracting(Notification::recipientId)
                .contains(s.company().director().id(), s.rep().id(), s.manager().id())
                .doesNotContain(s.serviceManager().id())
                .doesNotHaveDuplicates());
        assertThat(notifier.sent("aftersales.complaint.levelOne")).filteredOn(n -> n.args().contains(code))
                .allSatisfy(n -> assertThat(n.urgency()).isEqualTo(Notification.Urgency.URGENT));
    }

    @Test
    void S3_aLevelOneComplaintHandedToTheHeadOfATopUnitReachesTheDirectorAndTellsNobodyTwice() {
        Service s = support.service("s3hand");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州转交重大科技有限公司");
        JsonNode c = receive(rep, customer, "CRITICAL", "产线停机待转交");
        String code = c.get("code").asString();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                notifier.sent("aftersales.complaint.levelOne")).filteredOn(n -> n.args().contains(code))
                .extracting(Notification::recipientId).containsExactly(s.manager().id()));

        // still critical, now after-sales' head handles it: the director above him hears of it, the manager not again
        JsonNode handed = act(rep, c, "classify", "\"category\":\"PRODUCT\",\"severity\":\"CRITICAL\",\"handlerId\":\""
                + s.serviceManager().id() + "\"");
        assertThat(handed.get("handlerId").asString()).isEqualTo(s.serviceManager().id().toString());
        assertThat(handed.get("levelOne").asBoolean()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                notifier.sent("aftersales.complaint.levelOne")).filteredOn(n -> n.args().contains(code))
                .extracting(Notification::recipientId)
                .contains(s.company().director().id())
                .doesNotContain(s.serviceManager().id(), s.rep().id())
                .doesNotHaveDuplicates());
        assertThat(events.stream(MajorComplaintReceived.class).filter(e -> e.code().equals(code)))
                .as("the incident process heard of it once").hasSize(1);
    }

    @Test
    void S3_aDowngradeNeedsAReasonIsKeptInTheHistoryAndTellsTheManagerAndTheBreachedDeadlineStaysCounted() {
        Service s = support.service("down");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州降级科技有限公司");
        JsonNode c = receive(rep, customer, "CRITICAL", "产线停机");
        String id = c.get("id").asString();
        String code = c.get("code").asString();
        clock.set(Instant.parse(c.get("responseDueAt").asString()).plus(Duration.ofMinutes(30)));
        sweeper.sweep();
        assertThat(customers.deadlines("Complaint", id)).containsExactly("S1:BREACHED", "S2:OPEN");

        MvcTestResult noReason = post(rep, "/api/v1/complaints/" + id + "/classify",
                "{\"category\":\"PRODUCT\",\"severity\":\"MAJOR\",\"reason\":\"  \",\"version\":%d}"
                        .formatted(c.get("version").asLong()));
        assertThat(noReason).as("a lower severity without a reason").hasStatus(422);
        assertThat(customers.json(noReason).get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("reason");
        JsonNode unchanged = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        assertThat(unchanged.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(unchanged.get("levelOne").asBoolean()).isTrue();
        assertThat(customers.deadlines("Complaint", id)).containsExactly("S1:BREACHED", "S2:OPEN");

        JsonNode lowered = act(rep, c, "classify",
                "\"category\":\"PRODUCT\",\"severity\":\"MAJOR\",\"reason\":\"客户确认仅一条产线受影响\"");
        assertThat(lowered.get("severity").asString()).isEqualTo("MAJOR");
        assertThat(lowered.get("levelOne").asBoolean()).isFalse();
        assertThat(jdbc.sql("""
                        select kind, actor_id, severity_before, severity_after, reason from aftersales_complaint_event
                        where complaint_id = :id""").param("id", UUID.fromString(id)).query().listOfRows())
                .as("the complaint's history").singleElement().satisfies(row -> {
                    assertThat(row.get("kind")).isEqualTo("SEVERITY_LOWERED");
                    assertThat(row.get("actor_id")).isEqualTo(s.rep().id());
                    assertThat(row.get("severity_before")).isEqualTo("CRITICAL");
                    assertThat(row.get("severity_after")).isEqualTo("MAJOR");
                    assertThat(row.get("reason")).isEqualTo("客户确认仅一条产线受影响");
                });
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                notifier.sent("aftersales.complaint.levelOneDowngraded")).filteredOn(n -> n.args().contains(code))
                .as("the manager told of the level-I incident hears it ended").singleElement().satisfies(n -> {
                    assertThat(n.recipientId()).isEqualTo(s.manager().id());
                    assertThat(n.args()).contains("客户确认仅一条产线受影响");
                }));
        // compliance still counts the breached first response of the critical complaint; the resolution deadline,
        // not yet due, is superseded by the major one's and counts nowhere
        assertThat(jdbc.sql("""
                        select rule_id || ':' || state || ':' || coalesce(sop_compliance_category(state, breached_at, met_at,
                            due_at), 'none') from sop_deadline where subject_type = 'Complaint' and subject_id = :id
                        order by started_at, created_at, rule_id""").param("id", id).query(String.class).list())
                .containsExactlyInAnyOrder("S1:CANCELLED:breached", "S2:CANCELLED:none", "S1:OPEN:open", "S2:OPEN:open");
    }

    @Test
    void S4_theCustomersNextComplaintWithinNinetyDaysIsLinkedAsARepeatAndOneAfterThemIsNot() {
        Service s = support.service("s4");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州重复科技有限公司");
        JsonNode first = receive(rep, customer, "MINOR", "网关频繁掉线");
        assertThat(first.get("repeatOf").isNull()).isTrue();

        clock.advance(Duration.ofDays(30));
        rep = customers.bearer(mvc, s.rep());
        JsonNode second = receive(rep, customer, "MINOR", "说明书有错字");
        assertThat(second.get("repeatOf").asString()).isEqualTo(first.get("id").asString());
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + first.get("id").asString() + "/linked"))
                .extracting(i -> i.get("id").asString()).containsExactly(second.get("id").asString());

        clock.advance(Duration.ofDays(91));
        rep = customers.bearer(mvc, s.rep());
        assertThat(receive(rep, customer, "MINOR", "发票抬头错误").get("repeatOf").isNull())
                .as("beyond the 90 days of S4").isTrue();
    }

    @Test
    void theServedCustomersComplaintIsWorkedThroughTheFiveWhysAndClosedOnlyWithTheCustomersRatingOrAReason() throws Exception {
        Service s = support.service("way");
        String customer = support.customer(s.rep(), "杭州闭环科技有限公司");
        servedBy(s, customer, "HT-2026-900010");
        String rep = customers.bearer(mvc, s.rep());
        String service = customers.bearer(mvc, s.afterSales());

        JsonNode c = receive(service, customer, "MAJOR", "网关频繁掉线");
        String id = c.get("id").asString();
        assertThat(c.get("handlerId").asString()).as("the after-sales owner serving the customer handles it")
                .isEqualTo(s.afterSales().id().toString());
        assertThat(customers.get(mvc, customers.bearer(mvc, s.afterSales2()), "/api/v1/complaints/" + id))
                .as("a colleague in after-sales does not see it").hasStatus(404);
        JsonNode overseen = customers.getJson(mvc, customers.bearer(mvc, s.serviceManager()), "/api/v1/complaints");
        assertThat(overseen.get("items")).extracting(i -> i.get("id").asString())
                .as("the manager of the service unit oversees its complaints").containsExactly(id);
        assertThat(post(service, "/api/v1/complaints/" + id + "/first-response",
                "{\"text\":\"x\",\"version\":" + c.get("version").asLong() + "}")).as("classify first").hasStatus(422);
        c = act(service, c, "classify", "\"category\":\"PRODUCT\",\"severity\":\"MAJOR\"");
        assertThat(post(service, "/api/v1/complaints/" + id + "/first-response",
                "{\"text\":\"   \",\"version\":" + c.get("version").asLong() + "}"))
                .as("a blank response is refused naming the body's field").hasStatus(422).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("text");
        c = act(service, c, "first-response", "\"text\":\"已致电客户，安排工程师排查\"");
        assertThat(post(service, "/api/v1/complaints/" + id + "/feedback",
                "{\"resolution\":\"已升级固件\",\"version\":" + c.get("version").asLong() + "}"))
                .as("the root cause first").hasStatus(422);
        c = rootCause(service, c, s.afterSales2());
        assertThat(c.get("whys")).hasSize(5);
        MvcTestResult upload = mvc.post().uri("/api/v1/complaints/" + id + "/evidence").multipart()
                .file(new MockMultipartFile("file", "现场照片.jpg", "image/jpeg", TestFiles.jpeg()))
                .header(HttpHeaders.AUTHORIZATION, service).exchange();
        assertThat(upload).as(ContractTestSupport.text(upload)).hasStatus(201);
        // an uploaded file opens in a sandbox: whatever it carries runs, if at all, outside the product's origin
        String fileId = customers.json(upload).get("id").asString();
        // its Location is where it is read, as every creation's
        assertThat(upload).hasHeader(HttpHeaders.LOCATION, "/api/v1/complaints/" + id + "/evidence/" + fileId);
        for (MvcTestResult served : List.of(
                mvc.get().uri("/api/v1/complaints/" + id + "/evidence/" + fileId).header(HttpHeaders.AUTHORIZATION, service)
                        .exchange(),
                mvc.get().uri("/complaints/" + id + "/evidence/" + fileId).cookie(customers.session(mvc, s.afterSales()))
                        .exchange())) {
            assertThat(served).hasStatus(200).hasHeader("X-Content-Type-Options", "nosniff");
            assertThat(served.getResponse().getHeaders("Content-Security-Policy"))
                    .containsExactly("default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; sandbox");
        }
        MvcTestResult exe = mvc.post().uri("/api/v1/complaints/" + id + "/evidence").multipart()
                .file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", TestFiles.executable()))
                .header(HttpHeaders.AUTHORIZATION, service).exchange();
        assertThat(exe).hasStatus(422);
        byte[] report = TestFiles.pdf(8192, 21);
        MvcTestResult cutShort = mvc.post().uri("/api/v1/complaints/" + id + "/evidence").multipart()
                .file(new MockMultipartFile("file", "检测报告.pdf", "application/pdf", TestFiles.cut(report, report.length / 2)))
                .header(HttpHeaders.AUTHORIZATION, service).exchange();
        assertThat(cutShort).as("a PDF cut in half").hasStatus(422);
        assertThat(cutShort).bodyJson().extractingPath("$.errors[0].code").isEqualTo("files.truncated");
        MvcTestResult noFile = mvc.post().uri("/api/v1/complaints/" + id + "/evidence").multipart()
                .file(new MockMultipartFile("wrong", "现场照片.jpg", "image/jpeg", TestFiles.jpeg()))
                .header(HttpHeaders.AUTHORIZATION, service).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
        assertThat(noFile).as("an upload form without its file names the part, in the reader's language")
                .hasStatus(400);
        assertThat(noFile).bodyJson().extractingPath("$.code").isEqualTo("error.missingField");
        assertThat(noFile).bodyJson().extractingPath("$.detail").isEqualTo("缺少必填字段 file。");
        assertThat(noFile).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(noFile).bodyJson().extractingPath("$.errors[0].code").isEqualTo("error.missingField");
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id + "/evidence").get("items"))
                .extracting(f -> f.get("fileName").asString()).containsExactly("现场照片.jpg");
        c = customers.getJson(mvc, service, "/api/v1/complaints/" + id);
        c = act(service, c, "feedback", "\"resolution\":\"已升级固件并回访确认\"");
        assertThat(c.get("status").asString()).isEqualTo("FEEDBACK");
        assertThat(customers.deadlines("Complaint", id)).containsExactlyInAnyOrder("S1:MET", "S2:MET");

        assertThat(post(service, "/api/v1/complaints/" + id + "/close", "{\"version\":" + c.get("version").asLong() + "}"))
                .as("neither rating nor reason").hasStatus(422);
        MvcTestResult french = post(service, "/api/v1/complaints/" + id + "/rating-request", "{\"locale\":\"fr\"}");
        assertThat(french).as("a language the rating form is not written in").hasStatus(422);
        assertThat(french).bodyJson().extractingPath("$.errors[0].field").isEqualTo("locale");
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'Complaint' and "
                + "subject_id = :c").param("c", id).query(Integer.class).single()).as("nothing sent").isZero();
        JsonNode sent = ok(post(service, "/api/v1/complaints/" + id + "/rating-request", "{}"));
        String confirmationId = sent.at("/confirmation/id").asString();
        assertThat(sent.at("/confirmation/emailed").asBoolean()).isFalse();
        assertThat(sent.at("/confirmation/emailNotSentReason").asString()).as("this context has no mail server")
                .isEqualTo("NO_MAIL_SERVER");
        c = customers.getJson(mvc, service, "/api/v1/complaints/" + id);
        assertThat(post(service, "/api/v1/complaints/" + id + "/close", "{\"satisfactionConfirmationId\":\"%s\",\"version\":%d}"
                .formatted(confirmationId, c.get("version").asLong()))).as("not rated yet").hasStatus(422);
        assertThat(customers.getJson(mvc, service, "/api/v1/complaints/" + id).get("status").asString()).isEqualTo("FEEDBACK");

        assertThat(answer(sent.at("/confirmation/url").asString(), "4", "处理及时")).hasStatus3xxRedirection();
        JsonNode closed = ok(post(service, "/api/v1/complaints/" + id + "/close",
                "{\"satisfactionConfirmationId\":\"%s\",\"version\":%d}".formatted(confirmationId, c.get("version").asLong())));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("rating").asInt()).isEqualTo(4);
        assertThat(closed.get("ratingComment").asString()).isEqualTo("处理及时");
        assertThat(closed.get("availableActions")).isEmpty();
        // the closing rating is the complaint's satisfaction result: recorded once, answered, no second survey
        assertThat(jdbc.sql("""
                        select rating, comment, confirmation_id, rep_id, team_id, product_line from aftersales_survey
                        where occasion = 'COMPLAINT_CLOSED' and subject_id = :id and answered_at is not null""")
                .param("id", UUID.fromString(id)).query().listOfRows()).singleElement().satisfies(row -> {
                    assertThat(row.get("rating")).isEqualTo(4);
                    assertThat(row.get("comment")).isEqualTo("处理及时");
                    assertThat(row.get("confirmation_id")).hasToString(confirmationId);
                    assertThat(row.get("rep_id")).as("the customer's rep").isEqualTo(s.rep().id());
                    assertThat(row.get("team_id")).isEqualTo(s.company().east());
                    assertThat(row.get("product_line")).isEqualTo("工业网关");
                });
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'SatisfactionSurvey' "
                        + "and title like :about").param("about", "%" + closed.get("code").asString())
                .query(Integer.class).single()).as("the customer is not asked to rate the same complaint twice").isZero();
        String manager = customers.bearer(mvc, s.manager());
        assertThat(customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=REP")).singleElement().satisfies(row -> {
            assertThat(row.get("key").asString()).isEqualTo(s.rep().id().toString());
            assertThat(row.get("answered").asInt()).isEqualTo(1);
            assertThat(row.get("average").decimalValue()).isEqualByComparingTo("4.00");
        });
        assertThat(customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=TEAM")).singleElement()
                .satisfies(row -> assertThat(row.get("key").asString()).isEqualTo(s.company().east().toString()));
        assertThat(customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=PRODUCT_LINE")).singleElement()
                .satisfies(row -> assertThat(row.get("key").asString()).isEqualTo("工业网关"));
        assertThat(customers.getJson(mvc, service, "/api/v1/satisfaction?groupBy=REP"))
                .as("the handler sees the rating of the complaint they handled").singleElement().satisfies(row -> {
                    assertThat(row.get("key").asString()).isEqualTo(s.rep().id().toString());
                    assertThat(row.get("answered").asInt()).isEqualTo(1);
                    assertThat(row.get("average").decimalValue()).isEqualByComparingTo("4.00");
                });
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.afterSales2()), "/api/v1/satisfaction"))
                .as("a colleague who did not handle it sees none of it").isEmpty();
        assertThat(queries.health(UUID.fromString(customer)).trend())
                .as("the rating counts once in the customer's service health").hasSize(1);
    }

    /** SPEC §6: a complaint's evidence is a list like any other, {items, nextCursor}, oldest first a page at a time. */
    @Test
    void theEvidencePagesWithACursorOldestFirstAndAForgedCursorIsA400() {
        Service s = support.service("evpages");
        String customer = support.customer(s.rep(), "杭州证据分页科技有限公司");
        servedBy(s, customer, "HT-2026-900088");
        String service = customers.bearer(mvc, s.afterSales());
        String id = receive(service, customer, "MINOR", "证据分页").get("id").asString();
        for (String name : new String[] {"第一张.jpg", "第二张.jpg", "第三张.jpg"}) {
            assertThat(mvc.post().uri("/api/v1/complaints/" + id + "/evidence").multipart()
                    .file(new MockMultipartFile("file", name, "image/jpeg", TestFiles.jpeg()))
                    .header(HttpHeaders.AUTHORIZATION, service)).hasStatus(201);
            clock.advance(Duration.ofMinutes(1));
        }
        String evidence = "/api/v1/complaints/" + id + "/evidence";

        JsonNode first = customers.getJson(mvc, service, evidence + "?size=2");
        assertThat(first.get("items")).extracting(f -> f.get("fileName").asString()).containsExactly("第一张.jpg", "第二张.jpg");
        assertThat(first.get("nextCursor").isNull()).isFalse();
        JsonNode second = customers.getJson(mvc, service, evidence + "?size=2&cursor=" + first.get("nextCursor").asString());
        assertThat(second.get("items")).extracting(f -> f.get("fileName").asString()).containsExactly("第三张.jpg");
        assertThat(second.get("nextCursor").isNull()).as("the last page").isTrue();
        assertThat(customers.getJson(mvc, service, evidence).get("items")).hasSize(3);

        for (String forged : new String[] {"not-a-cursor", "eA"}) {
            assertThat(mvc.get().uri(evidence + "?cursor={c}", forged).header(HttpHeaders.AUTHORIZATION, service))
                    .as(forged).hasStatus(400)
                    .bodyJson().extractingPath("$.errors[0].field").isEqualTo("cursor");
        }
        assertThat(customers.get(mvc, customers.bearer(mvc, s.afterSales2()), evidence + "?size=2"))
                .as("out of scope, paged or not").hasStatus(404);
    }

    @Test
    void aRatingRequestsRecipientReadsByTheContactsRuleMaskedToItsAfterSalesHandlerWholeToThoseAboveTheCustomersRep()
            throws Exception {
        Service s = support.service("rmask");
        String customer = support.customer(s.rep(), "杭州脱敏科技有限公司");
        servedBy(s, customer, "HT-2026-900091");
        String service = customers.bearer(mvc, s.afterSales());
        JsonNode c = handling(service, customer);
        c = rootCause(service, c, s.afterSales2());
        c = act(service, c, "feedback", "\"resolution\":\"已更正说明书\"");
        String confirmationId = ok(post(service, "/api/v1/complaints/" + c.get("id").asString() + "/rating-request", "{}"))
                .at("/confirmation/id").asString();

        // the contact is the customer's, closed to after-sales: its address masked as on the customer's pages (SPEC §1)
        assertThat(customers.getJson(mvc, service, "/api/v1/confirmations/" + confirmationId).at("/recipient/email")
                .asString()).as("the handler in after-sales").isEqualTo("w***@example.test");
        assertThat(screen(customers.session(mvc, s.afterSales()), "/confirmations/" + confirmationId, 200))
                .contains("w***@example.test").doesNotContain("wang@example.test");
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.company().director()), "/api/v1/confirmations/"
                + confirmationId).at("/recipient/email").asString()).as("the director, above the customer's rep")
                .isEqualTo("wang@example.test");

        // the rep's manager handling a complaint of the rep's customer reads the address whole, as the contact's
        String ownCustomer = support.customer(s.rep(), "杭州脱敏二号科技有限公司");
        String manager = customers.bearer(mvc, s.manager());
        JsonNode own = handling(manager, ownCustomer);
        assertThat(own.get("handlerId").asString()).isEqualTo(s.manager().id().toString());
        own = rootCause(manager, own, s.manager());
        own = act(manager, own, "feedback", "\"resolution\":\"已更正说明书\"");
        String managers = ok(post(manager, "/api/v1/complaints/" + own.get("id").asString() + "/rating-request", "{}"))
                .at("/confirmation/id").asString();
        assertThat(customers.getJson(mvc, manager, "/api/v1/confirmations/" + managers).at("/recipient/email").asString())
                .as("the manager above the customer's rep").isEqualTo("wang@example.test");
        assertThat(screen(customers.session(mvc, s.manager()), "/confirmations/" + managers, 200))
                .contains("wang@example.test");
    }

    @Test
    void theCustomersRepWhoReadsAComplaintTheyDoNotHandleIsRefused403ForEveryStepAndItsHandler422ForTheStatus() {
        Service s = support.service("notyours");
        String customer = support.customer(s.rep(), "杭州越权科技有限公司");
        servedBy(s, customer, "HT-2026-900077");
        String rep = customers.bearer(mvc, s.rep());
        String service = customers.bearer(mvc, s.afterSales());
        JsonNode c = receive(service, customer, "MINOR", "说明书有错字");
        String id = c.get("id").asString();
        String contact = support.contactOf(customer);
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("availableActions"))
                .as("the customer's rep reads it but does not handle it").isEmpty();

        // received: every step is the handler's, whatever the status allows
        String[][] received = {
                {"classify", "{\"category\":\"PRODUCT\",\"severity\":\"MINOR\",\"version\":%d}"},
                {"first-response", "{\"text\":\"已回电\",\"version\":%d}"},
                {"feedback", "{\"resolution\":\"已处理\",\"version\":%d}"},
                {"rating-request", "{\"contactId\":\"" + contact + "\"}"},
                {"close", "{\"noRatingReason\":\"联系不上\",\"version\":%d}"}};
        for (String[] step : received) {
            MvcTestResult refused = post(rep, "/api/v1/complaints/" + id + "/" + step[0],
                    step[1].formatted(c.get("version").asLong()));
            assertThat(refused).as(step[0]).hasStatus(403);
            assertThat(refused).bodyJson().extractingPath("$.code").as(step[0]).isEqualTo("error.forbidden");
        }
        MvcTestResult evidence = mvc.post().uri("/api/v1/complaints/" + id + "/evidence").multipart()
                .file(new MockMultipartFile("file", "现场照片.jpg", "image/jpeg", TestFiles.jpeg()))
                .header(HttpHeaders.AUTHORIZATION, rep).exchange();
        assertThat(evidence).as("evidence is the handler's to add").hasStatus(403);
        assertThat(post(service, "/api/v1/complaints/" + id + "/rating-request", "{\"contactId\":\"" + contact + "\"}"))
                .as("the handler is refused by the status").hasStatus(422);

        c = act(service, c, "classify", "\"category\":\"PRODUCT\",\"severity\":\"MINOR\"");
        c = act(service, c, "first-response", "\"text\":\"已回电\"");
        c = rootCause(service, c, s.afterSales2());
        c = act(service, c, "feedback", "\"resolution\":\"已更正说明书\"");
        assertThat(c.get("status").asString()).isEqualTo("FEEDBACK");
        MvcTestResult rating = post(rep, "/api/v1/complaints/" + id + "/rating-request", "{\"contactId\":\"" + contact + "\"}");
        assertThat(rating).as("resolution told, but the rep is not its handler").hasStatus(403);
        assertThat(rating).bodyJson().extractingPath("$.code").isEqualTo("error.forbidden");
        assertThat(post(rep, "/api/v1/complaints/" + id + "/close",
                "{\"noRatingReason\":\"联系不上\",\"version\":%d}".formatted(c.get("version").asLong()))).hasStatus(403);
        assertThat(jdbc.sql("select count(*) from confirmation_confirmation where subject_type = 'Complaint' and "
                + "subject_id = :c").param("c", id).query(Integer.class).single()).as("nothing sent").isZero();
        assertThat(customers.getJson(mvc, service, "/api/v1/complaints/" + id + "/evidence").get("items")).isEmpty();
        assertThat(customers.getJson(mvc, service, "/api/v1/complaints/" + id).get("status").asString()).isEqualTo("FEEDBACK");
    }

    @Test
    void aComplaintClosesWithAReasonWhenNoRatingCouldBeObtainedAndSurveyResultsAreReadPerRepTeamAndProductLine()
            throws Exception {
        Service s = support.service("srv");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州调查科技有限公司");
        JsonNode c = handling(rep, customer);
        c = rootCause(rep, c, s.rep());
        c = act(rep, c, "feedback", "\"resolution\":\"已寄送勘误\"");
        JsonNode closed = act(rep, c, "close", "\"noRatingReason\":\"客户联系人休假，无法取得评价\"");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("noRatingReason").asString()).isEqualTo("客户联系人休假，无法取得评价");

        // the orders module sends its survey after a delivery's acceptance through the public API
        UUID order = UUID.randomUUID();
        SentConfirmation survey = surveys.send(new SatisfactionSurveys.SurveyRequest(
                SatisfactionSurveys.Occasion.ORDER_ACCEPTED, order, UUID.fromString(customer),
                UUID.fromString(support.contactOf(customer)), s.rep().id(), "工业网关", "SO-2026-000001", s.rep().id()))
                .orElseThrow();
        assertThat(surveys.send(new SatisfactionSurveys.SurveyRequest(
                SatisfactionSurveys.Occasion.ORDER_ACCEPTED, order, UUID.fromString(customer),
                UUID.fromString(support.contactOf(customer)), s.rep().id(), "工业网关", "SO-2026-000001", s.rep().id())))
                .as("one survey per occasion and subject").isEmpty();
        assertThat(answer(survey.url(), "5", "交付顺利")).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from aftersales_survey where rating = 5").query(Integer.class).single() == 1);

        String manager = customers.bearer(mvc, s.manager());
        JsonNode byRep = customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=REP");
        assertThat(byRep).singleElement().satisfies(row -> {
            assertThat(row.get("key").asString()).isEqualTo(s.rep().id().toString());
            assertThat(row.get("answered").asInt()).isEqualTo(1);
            assertThat(row.get("average").decimalValue()).isEqualByComparingTo("5.00");
            assertThat(row.get("distribution").get(4).asInt()).isEqualTo(1);
        });
        assertThat(customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=TEAM").get(0).get("key").asString())
                .isEqualTo(s.company().east().toString());
        assertThat(customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=PRODUCT_LINE").get(0).get("key").asString())
                .isEqualTo("工业网关");

        // a survey of an order that names no product line: its own group, key null with a label, last
        SentConfirmation noLine = surveys.send(new SatisfactionSurveys.SurveyRequest(
                SatisfactionSurveys.Occasion.ORDER_ACCEPTED, UUID.randomUUID(), UUID.fromString(customer),
                UUID.fromString(support.contactOf(customer)), s.rep().id(), null, "SO-2026-000002", s.rep().id()))
                .orElseThrow();
        assertThat(answer(noLine.url(), "3", "一般")).hasStatus3xxRedirection();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from aftersales_survey where rating = 3 and product_line is null").query(Integer.class).single() == 1);
        for (String lang : List.of("en", "zh-CN")) {
            var byLine = mvc.get().uri("/api/v1/satisfaction?groupBy=PRODUCT_LINE")
                    .header(org.springframework.http.HttpHeaders.AUTHORIZATION, manager)
                    .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, lang).exchange();
            assertThat(byLine).hasStatusOk();
            JsonNode rows = customers.json(byLine);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("key").asString()).isEqualTo("工业网关");
            assertThat(rows.get(0).get("label").asString()).isEqualTo("工业网关");
            assertThat(rows.get(1).get("key").isNull()).as("no product line: null, never \"\"").isTrue();
            assertThat(rows.get(1).get("label").asString()).isEqualTo(lang.equals("en") ? "No product line" : "未指定产品线");
            assertThat(rows.get(1).get("average").decimalValue()).isEqualByComparingTo("3.00");
        }
        assertThat(customers.getJson(mvc, manager, "/api/v1/satisfaction?groupBy=REP").get(0).get("label").isNull())
                .as("a rep's group is named by its id").isTrue();
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.company().westManager()), "/api/v1/satisfaction"))
                .as("another team's manager sees none of it").isEmpty();
        assertThat(customers.get(mvc, manager, "/api/v1/satisfaction?from=2026-12-10&to=2026-12-01")).hasStatus(422);

        // the same results on the satisfaction screen, in the reader's scope, the group without a product line named
        var managerSession = customers.session(mvc, s.manager());
        String byLine = screen(managerSession, "/satisfaction?groupBy=PRODUCT_LINE&lang=en", 200);
        assertThat(byLine).contains("<option value=\"PRODUCT_LINE\" selected=\"selected\">", "工业网关", "5.00",
                "No product line", "3.00", "no-product-line");
        assertThat(byLine.indexOf("工业网关")).as("the group without a product line comes last")
                .isLessThan(byLine.indexOf("No product line"));
        assertThat(screen(managerSession, "/satisfaction?groupBy=PRODUCT_LINE&lang=zh-CN", 200)).contains("未指定产品线");
        assertThat(screen(managerSession, "/satisfaction?lang=en", 200)).as("by rep, named")
                .contains(s.rep().displayName(), "4.00");
        assertThat(screen(managerSession, "/satisfaction?groupBy=TEAM&lang=en", 200))
                .contains(directory.unitName(s.company().east()).orElseThrow());
        assertThat(screen(customers.session(mvc, s.company().westManager()), "/satisfaction?groupBy=PRODUCT_LINE&lang=en",
                200)).as("another team's manager sees none of it").contains("id=\"satisfaction-empty\"")
                .doesNotContain("工业网关");
        assertThat(screen(managerSession, "/satisfaction?from=2026-12-10&to=2026-12-01&lang=en", 422))
                .contains("The start date is after the end date.", "value=\"2026-12-10\"");
        assertThat(screen(managerSession, "/complaints?lang=en", 200)).contains("href=\"/satisfaction\"");

        // a survey kept without a rep or a team (its rep in no unit): a group of its own on the screen, named
        jdbc.sql("update aftersales_survey set rep_id = null, team_id = null where rating = 3 and product_line is null").update();
        var directorSession = customers.session(mvc, s.company().director());
        assertThat(screen(directorSession, "/satisfaction?groupBy=REP&lang=en", 200)).contains("No rep", "3.00");
        assertThat(screen(directorSession, "/satisfaction?groupBy=TEAM&lang=zh-CN", 200)).contains("未指定团队");
    }

    /** A complaint of a new customer of the rep, its resolution told: it waits for the customer's rating. */
    JsonNode awaitingRating(String rep, Service s, String customerName) {
        String customer = support.customer(s.rep(), customerName);
        JsonNode c = handling(rep, customer);
        c = rootCause(rep, c, s.rep());
        return act(rep, c, "feedback", "\"resolution\":\"已寄送勘误\"");
    }

    /** The complaint's page as its handler (the rep) reads it in Chinese. */
    String complaintPage(Service s, String id) throws Exception {
        MvcTestResult page = mvc.get().uri("/complaints/" + id + "?lang=zh-CN").cookie(customers.session(mvc, s.rep()))
                .exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The confirmation as stored: its state and rating. */
    java.util.Map<String, Object> confirmationRow(String confirmationId) {
        return jdbc.sql("select state, rating from confirmation_confirmation where id = :id")
                .param("id", UUID.fromString(confirmationId)).query().singleRow();
    }

    /**
     * The complaint's rating link still open (the latest sent): its title, its e-mail's language and its page's (- for
     * none).
     */
    String openRatingLink(String complaintId) {
        return jdbc.sql("select title || ' ' || locale || ' ' || coalesce(recipient_language, '-') "
                        + "from confirmation_confirmation where subject_type = 'Complaint' and subject_id = :c and state = 'SENT'")
                .param("c", complaintId).query(String.class).single();
    }

    /** The page a link opens, for a browser asking this language. */
    String linkPage(JsonNode sent, String acceptLanguage) throws Exception {
        MvcTestResult page = mvc.get().uri(URI.create(sent.at("/confirmation/url").asString()).getPath())
                .header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage).exchange();
        assertThat(page).hasStatusOk();
        return page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Decision 0098: a rating request naming no language (left out or blank) is written in the language its contact
     * prefers — English for one who prefers en: the form, its e-mail, and the page their link opens whatever the browser
     * asks; a language named still wins.
     */
    @Test
    void aRatingRequestNamingNoLanguageIsInTheContactsPreferredOneAndANamedLanguageWins() throws Exception {
        Service s = support.service("ratinglang");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = awaitingRating(rep, s, "杭州评价语言科技有限公司");
        String id = c.get("id").asString();
        String code = c.get("code").asString();
        String smith = customers.postJson(mvc, rep, "/api/v1/customers/" + c.get("customerId").asString() + "/contacts",
                """
                {"name":"John Smith","email":"john.smith@example.test","language":"en"}""").get("id").asString();

        JsonNode preferred = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request",
                "{\"contactId\":\"" + smith + "\"}"));
        assertThat(openRatingLink(id)).as("the form, the e-mail, the page").isEqualTo("Your complaint " + code + " en en");
        assertThat(linkPage(preferred, "zh-CN")).as("English for a browser asking Chinese")
                .contains("How we resolved it", "已寄送勘误").doesNotContain("处理结果");

        ok(post(rep, "/api/v1/complaints/" + id + "/rating-request", "{\"contactId\":\"" + smith + "\",\"locale\":\" \"}"));
        assertThat(openRatingLink(id)).as("a blank language names none").isEqualTo("Your complaint " + code + " en en");

        JsonNode named = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request",
                "{\"contactId\":\"" + smith + "\",\"locale\":\"zh-CN\"}"));
        assertThat(openRatingLink(id)).as("the sender's zh-CN wins").isEqualTo("投诉处理满意度 " + code + " zh-CN zh-CN");
        assertThat(linkPage(named, "en")).as("the page with it").contains("处理结果").doesNotContain("How we resolved it");
    }

    @Test
    void aRatingRequestSentAgainWithdrawsTheEarlierLinkAndOnlyTheLatestTakesTheRatingTheComplaintThenCloses()
            throws Exception {
        Service s = support.service("resend");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = awaitingRating(rep, s, "杭州重发科技有限公司");
        String id = c.get("id").asString();
        JsonNode first = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request", "{}"));
        JsonNode second = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request", "{}"));
        String firstId = first.at("/confirmation/id").asString();
        String secondId = second.at("/confirmation/id").asString();

        MvcTestResult old = answer(first.at("/confirmation/url").asString(), "1", "很差");
        assertThat(old).as("the link sent first takes no answer, and says it was withdrawn").hasStatus(410);
        assertThat(confirmationRow(firstId)).as("nothing recorded on it")
                .containsEntry("state", "WITHDRAWN").containsEntry("rating", null);
        assertThat(confirmationRow(secondId)).containsEntry("state", "SENT");

        assertThat(answer(second.at("/confirmation/url").asString(), "4", "处理及时")).hasStatus3xxRedirection();
        assertThat(confirmationRow(secondId)).containsEntry("state", "RATED").containsEntry("rating", 4);
        c = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        assertThat(c.get("satisfactionConfirmationId").asString()).as("the complaint names the rating that came")
                .isEqualTo(secondId);
        String page = complaintPage(s, id);
        assertThat(page).as("the page offers the close with the rating, not with a reason")
                .contains("id=\"close-with-rating\"").doesNotContain("id=\"close-reason-form\"");
        MvcTestResult reason = post(rep, "/api/v1/complaints/" + id + "/close",
                "{\"noRatingReason\":\"客户拒绝评价\",\"version\":%d}".formatted(c.get("version").asLong()));
        assertThat(reason).as("rated: no reason stands beside the rating").hasStatus(422);
        assertThat(reason).bodyJson().extractingPath("$.code").isEqualTo("aftersales.error.ratedAlready");
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("status").asString()).isEqualTo("FEEDBACK");

        JsonNode closed = act(rep, c, "close", "\"satisfactionConfirmationId\":\"" + secondId + "\"");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("rating").asInt()).isEqualTo(4);
        assertThat(closed.get("noRatingReason").isNull()).isTrue();
        assertThat(closed.get("satisfactionConfirmationId").asString()).isEqualTo(secondId);
        assertThat(confirmationRow(secondId)).as("the rating stays as answered").containsEntry("state", "RATED");
    }

    @Test
    void aRatingGivenBeforeTheRatingWasAskedAgainDoesNotCloseTheComplaintOnlyTheLatestRatingDoes() throws Exception {
        Service s = support.service("latestRating");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = awaitingRating(rep, s, "杭州最新评价科技有限公司");
        String id = c.get("id").asString();
        JsonNode first = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request", "{}"));
        String firstId = first.at("/confirmation/id").asString();
        assertThat(answer(first.at("/confirmation/url").asString(), "5", "很满意")).hasStatus3xxRedirection();
        clock.advance(Duration.ofMinutes(10));
        JsonNode second = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request", "{}"));
        String secondId = second.at("/confirmation/id").asString();
        assertThat(confirmationRow(firstId)).as("the answered link stays as answered").containsEntry("state", "RATED");
        clock.advance(Duration.ofMinutes(10));
        assertThat(answer(second.at("/confirmation/url").asString(), "3", "一般")).hasStatus3xxRedirection();
        c = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        assertThat(FormHtml.inputValue(complaintPage(s, id), "close-rating-confirmation"))
                .as("the page offers the close with the latest rating").isEqualTo(secondId);

        MvcTestResult earlier = post(rep, "/api/v1/complaints/" + id + "/close",
                "{\"satisfactionConfirmationId\":\"%s\",\"version\":%d}".formatted(firstId, c.get("version").asLong()));
        assertThat(earlier).as("the rating given before it was asked again").hasStatus(422);
        assertThat(earlier).bodyJson().extractingPath("$.code").isEqualTo("aftersales.error.notLatestRating");
        assertThat(customers.json(earlier).get("detail").asString()).as("names the rating that closes it").contains("3 / 5");
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        assertThat(after.get("status").asString()).as("nothing changed").isEqualTo("FEEDBACK");
        assertThat(after.get("rating").isNull()).isTrue();
        assertThat(after.get("version").asLong()).isEqualTo(c.get("version").asLong());
        assertThat(jdbc.sql("select count(*) from aftersales_survey where subject_id = :id")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).as("no satisfaction result").isZero();

        JsonNode closed = act(rep, c, "close", "\"satisfactionConfirmationId\":\"" + secondId + "\"");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("rating").asInt()).isEqualTo(3);
        assertThat(closed.get("satisfactionConfirmationId").asString()).isEqualTo(secondId);
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.manager()), "/api/v1/satisfaction?groupBy=REP"))
                .as("the latest rating is the complaint's result").singleElement()
                .satisfies(row -> assertThat(row.get("average").decimalValue()).isEqualByComparingTo("3.00"));
    }

    @Test
    void S2_theResolutionIsOfferedOnlyOnceTheRootCauseAndTheCorrectiveActionAreRecorded() {
        Service s = support.service("offerFeedback");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州反馈时机科技有限公司");
        JsonNode c = handling(rep, customer);
        String id = c.get("id").asString();
        assertThat(c.get("availableActions")).extracting(JsonNode::asString).as("no root cause yet")
                .containsExactlyInAnyOrder("ANALYSE", "ADD_EVIDENCE");
        MvcTestResult early = post(rep, "/api/v1/complaints/" + id + "/feedback",
                "{\"resolution\":\"已寄送勘误\",\"version\":" + c.get("version").asLong() + "}");
        assertThat(early).hasStatus(422);
        assertThat(early).bodyJson().extractingPath("$.code").isEqualTo("aftersales.error.rootCauseFirst");
        c = rootCause(rep, c, s.rep());
        assertThat(c.get("availableActions")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("ANALYSE", "GIVE_FEEDBACK", "ADD_EVIDENCE");
        assertThat(act(rep, c, "feedback", "\"resolution\":\"已寄送勘误\"").get("status").asString()).isEqualTo("FEEDBACK");
    }

    @Test
    void anAdministratorReceivesNoComplaintOnlySomeoneWhoMayHandleIt() {
        Service s = support.service("adminReceive");
        String customer = support.customer(s.rep(), "杭州管理员受理科技有限公司");
        String body = """
                {"customerId":"%s","category":"PRODUCT","severity":"MAJOR","description":"网关频繁掉线"}""".formatted(customer);
        MvcTestResult refused = post(customers.bearer(mvc, "admin"), "/api/v1/complaints", body);
        assertThat(refused).as("an administrator may not be a complaint's handler").hasStatus(403);
        assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("aftersales.error.notReceiver");
        assertThat(jdbc.sql("select count(*) from aftersales_complaint where customer_id = :c")
                .param("c", UUID.fromString(customer)).query(Integer.class).single()).as("nothing received").isZero();

        JsonNode c = ok201(post(customers.bearer(mvc, s.rep()), "/api/v1/complaints", body));
        assertThat(c.get("handlerId").asString()).as("the customer's rep receives and handles it")
                .isEqualTo(s.rep().id().toString());
        assertThat(c.get("availableActions")).extracting(JsonNode::asString).contains("CLASSIFY");
    }

    JsonNode ok201(MvcTestResult result) {
        assertThat(result).as(ContractTestSupport.text(result)).hasStatus(201);
        return customers.json(result);
    }

    @Test
    void aRatingLinkAnsweredAfterTheComplaintClosedWithAReasonIsWithdrawnAndChangesNothing() throws Exception {
        Service s = support.service("lateRating");
        String rep = customers.bearer(mvc, s.rep());
        JsonNode c = awaitingRating(rep, s, "杭州迟评科技有限公司");
        String id = c.get("id").asString();
        JsonNode sent = ok(post(rep, "/api/v1/complaints/" + id + "/rating-request", "{}"));
        String confirmationId = sent.at("/confirmation/id").asString();
        String url = sent.at("/confirmation/url").asString();
        c = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        JsonNode closed = act(rep, c, "close", "\"noRatingReason\":\"客户拒绝评价\"");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(confirmationRow(confirmationId)).as("closing withdraws the open rating link")
                .containsEntry("state", "WITHDRAWN");

        MvcTestResult late = answer(url, "1", "很差");
        assertThat(late).as("answered like any withdrawn link").hasStatus(410);
        assertThat(late.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("此确认请求已撤回").doesNotContain("name=\"outcome\"");
        assertThat(mvc.get().uri(URI.create(url).getPath()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange())
                .hasStatus(410);
        assertThat(confirmationRow(confirmationId)).as("nothing recorded on it")
                .containsEntry("state", "WITHDRAWN").containsEntry("rating", null);
        // a link a close left open (before closes withdrew them) is withdrawn when answered: the complaint says no more
        jdbc.sql("update confirmation_confirmation set state = 'SENT', withdrawn_at = null where id = :id")
                .param("id", UUID.fromString(confirmationId)).update();
        assertThat(answer(url, "1", "很差")).as("the complaint no longer waits for a rating").hasStatus(410);
        assertThat(confirmationRow(confirmationId)).as("nothing recorded on it")
                .containsEntry("state", "WITHDRAWN").containsEntry("rating", null);
        assertThat(complaintPage(s, id)).contains("客户拒绝评价", "已撤回").doesNotContain("已评价");
        JsonNode after = customers.getJson(mvc, rep, "/api/v1/complaints/" + id);
        assertThat(after.get("rating").isNull()).isTrue();
        assertThat(after.get("noRatingReason").asString()).isEqualTo("客户拒绝评价");
        assertThat(after.get("satisfactionConfirmationId").isNull())
                .as("closed without a rating, no confirmation is its satisfaction result").isTrue();
        assertThat(after.get("version").asLong()).isEqualTo(closed.get("version").asLong());
        assertThat(jdbc.sql("select count(*) from aftersales_survey where subject_id = :id and rating is not null")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).as("no survey result from it").isZero();
    }

    /**
     * SPEC §1: after-sales' scope is their assigned customers. The after-sales owner serving a customer (handover
     * accepted), who handles its complaint, reads the survey sent on closing it and passes a new link on as the rep
     * does; a colleague in after-sales, and a rep of another team, still get 404.
     */
    @Test
    void theAfterSalesOwnerOfACustomerReadsItsSurveyAndRenewsItsLinkAsTheRepDoes() throws Exception {
        Service s = support.service("svyown");
        String customer = support.customer(s.rep(), "杭州售后调查归属科技有限公司");
        servedBy(s, customer, "HT-2026-900131");
        String service = customers.bearer(mvc, s.afterSales());
        JsonNode c = handling(service, customer);
        String id = c.get("id").asString();
        c = rootCause(service, c, s.afterSales());
        c = act(service, c, "feedback", "\"resolution\":\"已更换网关\"");
        act(service, c, "close", "\"noRatingReason\":\"客户未接电话\"");
        UUID surveyId = jdbc.sql("select id from aftersales_survey where occasion = 'COMPLAINT_CLOSED' and subject_id = :c")
                .param("c", UUID.fromString(id)).query(UUID.class).single();

        String surveys = "/api/v1/satisfaction/surveys?customerId=" + customer;
        for (String path : List.of(surveys, surveys + "&subjectId=" + id)) {
            assertThat(customers.getJson(mvc, service, path).get("items")).as(path).singleElement().satisfies(v -> {
                assertThat(v.get("id").asString()).isEqualTo(surveyId.toString());
                assertThat(v.get("availableActions").valueStream().map(JsonNode::asString)).containsExactly("RENEW_LINK");
            });
        }
        String link = "/api/v1/satisfaction/surveys/" + surveyId + "/link";
        for (User outsider : List.of(s.afterSales2(), s.otherRep())) {
            String token = customers.bearer(mvc, outsider);
            assertThat(customers.get(mvc, token, surveys)).as("another's customer").hasStatus(404);
            assertThat(customers.get(mvc, token, surveys + "&subjectId=" + id)).hasStatus(404);
            assertThat(post(token, link, null)).as("never its link").hasStatus(404);
        }
        JsonNode renewed = ok(post(service, link, null)).get("confirmation");
        assertThat(renewed.get("url").asString()).contains("/");

        MvcTestResult page = mvc.get().uri("/complaints/" + id + "?lang=zh-CN").cookie(customers.session(mvc, s.afterSales()))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("the complaint's survey with the link to pass on, as the page tells its reader")
                .contains("survey-" + surveyId, "survey-renew-link", "/aftersales/surveys/" + surveyId + "/link",
                        "请生成新链接", "未发送邮件").doesNotContain("??");
        String shown = mvc.post().uri("/aftersales/surveys/" + surveyId + "/link")
                .with(SecurityMockMvcRequestPostProcessors.csrf()).cookie(customers.session(mvc, s.afterSales()))
                .exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(shown).contains("confirmation-url", "data-copy-link").doesNotContain("alert-danger");
    }

    private void servedBy(Service s, String customer, String contractNumber) {
        String handoverId = support.signed(customer, s.rep(), contractNumber);
        String rep = customers.bearer(mvc, s.rep());
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        h = ok(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", """
                {"background":"制造业","serviceNeeds":"电话支持","specialAgreements":"无","keyContacts":"王经理","version":%d}"""
                .formatted(h.get("version").asLong())));
        h = ok(post(rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), h.get("version").asLong())));
        ok(post(customers.bearer(mvc, s.afterSales()), "/api/v1/handovers/" + handoverId + "/accept",
                "{\"version\":" + h.get("version").asLong() + "}"));
    }

    private String screen(jakarta.servlet.http.Cookie session, String path, int status) throws Exception {
        MvcTestResult result = mvc.get().uri(path).cookie(session).exchange();
        assertThat(result).as(path).hasStatus(status);
        String html = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).as("untranslated key on " + path).doesNotContain("??");
        return html;
    }

    @Test
    void aRefusedComplaintTakesNoComplaintNumberTheNextComplaintGetsTheOneAfterTheLast() {
        Service s = support.service("cnum");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州投诉编号科技有限公司");
        String last = receive(rep, customer, "MINOR", "说明书缺页").get("code").asString();

        // refused by the complaint itself, after the receiving took its number: the number is given back
        assertThat(post(rep, "/api/v1/complaints", "{\"customerId\":\"%s\",\"category\":\"PRODUCT\",\"severity\":\"MAJOR\"}"
                .formatted(customer))).as("no description").hasStatus(422);

        assertThat(receive(rep, customer, "MINOR", "包装破损").get("code").asString()).isEqualTo(DocumentNumbers.following(last));
    }

    @Test
    void badInputIsRefusedAndChangesNothingAndOtherTeamsSeeNothing() {
        Service s = support.service("bad");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州坏输入科技有限公司");
        assertThat(post(rep, "/api/v1/complaints", "{\"customerId\":\"%s\",\"category\":\"PRODUCT\",\"severity\":\"MAJOR\"}"
                .formatted(customer))).as("no description").hasStatus(422);
        assertThat(post(rep, "/api/v1/complaints", ("{\"customerId\":\"%s\",\"category\":\"PRODUCT\",\"severity\":\"MAJOR\","
                + "\"description\":\"a\\u0000b\"}").formatted(customer))).as("NUL").hasStatus(422);
        assertThat(post(rep, "/api/v1/complaints", ("{\"customerId\":\"%s\",\"category\":\"PRODUCT\",\"severity\":\"HUGE\","
                + "\"description\":\"x\"}").formatted(customer))).as("no such severity").hasStatus(400);
        String otherCustomer = support.customer(s.otherRep(), "杭州别家科技有限公司");
        assertThat(post(rep, "/api/v1/complaints", ("{\"customerId\":\"%s\",\"category\":\"PRODUCT\",\"severity\":\"MAJOR\","
                + "\"description\":\"x\"}").formatted(otherCustomer))).as("a customer outside scope").hasStatus(404);
        assertThat(jdbc.sql("select count(*) from aftersales_complaint where customer_id in (:c)")
                .param("c", java.util.List.of(UUID.fromString(customer), UUID.fromString(otherCustomer)))
                .query(Integer.class).single()).isZero();

        JsonNode c = receive(rep, customer, "MAJOR", "网关频繁掉线");
        String id = c.get("id").asString();
        assertThat(customers.get(mvc, customers.bearer(mvc, s.otherRep()), "/api/v1/complaints/" + id)).hasStatus(404);
        assertThat(customers.get(mvc, customers.bearer(mvc, s.afterSales()), "/api/v1/complaints/" + id)).hasStatus(404);
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.otherRep()), "/api/v1/complaints").get("items")).isEmpty();
        assertThat(customers.get(mvc, customers.bearer(mvc, s.company().finance()), "/api/v1/complaints")).hasStatus(403);
        assertThat(post(rep, "/api/v1/complaints/" + id + "/classify", "{\"category\":\"PRODUCT\",\"severity\":\"MAJOR\"}"))
                .as("no version").hasStatus(428);
        assertThat(post(rep, "/api/v1/complaints/" + id + "/classify",
                "{\"category\":\"PRODUCT\",\"severity\":\"MAJOR\",\"version\":99}")).as("stale").hasStatus(409);
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(customers.getJson(mvc, customers.bearer(mvc, s.manager()), "/api/v1/complaints?status=RECEIVED&severity=MAJOR")
                .get("items")).extracting(i -> i.get("id").asString()).containsExactly(id);
    }

    @Test
    void anActionGoesOnlyToSomeoneTheRootCauseFormOffersAndIsDueWithinTheDatesItTakes() {
        Service s = support.service("own");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州措施科技有限公司");
        JsonNode c = handling(rep, customer);
        String id = c.get("id").asString();
        long version = c.get("version").asLong();
        String form = """
                {"whys":["说明书排版错误"],"rootCause":"校对遗漏","correctiveAction":"寄送勘误",
                 "correctiveOwnerId":"%s","correctiveDueOn":"2026-12-04",
                 "preventiveAction":"增加校对环节","preventiveOwnerId":"%s","preventiveDueOn":"%s","version":%d}""";

        // another team's rep is not offered by the form: the API takes them no more
        MvcTestResult otherTeam = customers.put(mvc, rep, "/api/v1/complaints/" + id + "/root-cause",
                form.formatted(s.rep().id(), s.otherRep().id(), "2026-12-31", version));
        assertThat(otherTeam).hasStatus(422);
        assertThat(customers.json(otherTeam).get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("preventiveOwnerId");
        MvcTestResult tooLate = customers.put(mvc, rep, "/api/v1/complaints/" + id + "/root-cause",
                form.formatted(s.rep().id(), s.afterSales().id(), "2200-01-01", version));
        assertThat(tooLate).as("after the last date the form takes").hasStatus(422);
        assertThat(customers.json(tooLate).get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("preventiveDueOn");
        MvcTestResult past = customers.put(mvc, rep, "/api/v1/complaints/" + id + "/root-cause",
                form.formatted(s.rep().id(), s.afterSales().id(), "2026-11-30", version));
        assertThat(past).as("before today").hasStatus(422);
        assertThat(customers.json(past).get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("preventiveDueOn");
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("preventiveOwnerId").isNull())
                .as("refused input changes nothing").isTrue();

        for (String whys : List.of("[]", "[\"\",\"  \"]")) {
            MvcTestResult noWhy = customers.put(mvc, rep, "/api/v1/complaints/" + id + "/root-cause",
                    form.formatted(s.manager().id(), s.afterSales().id(), "2026-12-31", version)
                            .replace("[\"说明书排版错误\"]", whys));
            assertThat(noWhy).as("no Why " + whys + ": refused at save, not at feedback").hasStatus(422);
            assertThat(customers.json(noWhy).get("errors")).extracting(e -> e.get("field").asString())
                    .containsExactly("whys");
            assertThat(customers.json(noWhy).get("errors").get(0).get("code").asString()).isEqualTo("aftersales.error.oneWhy");
        }
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("rootCause").isNull())
                .as("nothing saved").isTrue();

        JsonNode saved = ok(customers.put(mvc, rep, "/api/v1/complaints/" + id + "/root-cause",
                form.formatted(s.manager().id(), s.afterSales().id(), "2026-12-31", version)));
        assertThat(saved.get("preventiveOwnerId").asString()).as("after-sales is offered")
                .isEqualTo(s.afterSales().id().toString());
        assertThat(saved.get("correctiveOwnerId").asString()).as("so is a colleague of the rep's unit")
                .isEqualTo(s.manager().id().toString());
    }

    @Test
    void aComplaintIsHandedOnlyToSomeoneWhoMayServeItsCustomer() {
        Service s = support.service("hand");
        String rep = customers.bearer(mvc, s.rep());
        String customer = support.customer(s.rep(), "杭州转交科技有限公司");
        JsonNode c = receive(rep, customer, "MAJOR", "网关频繁掉线");
        String id = c.get("id").asString();

        // another team's rep could be named, and then read the complaint of a customer outside their scope
        MvcTestResult refused = post(rep, "/api/v1/complaints/" + id + "/classify", """
                {"category":"PRODUCT","severity":"MAJOR","handlerId":"%s","version":%d}"""
                .formatted(s.otherRep().id(), c.get("version").asLong()));
        assertThat(refused).hasStatus(422);
        assertThat(customers.json(refused).get("errors").get(0).get("field").asString()).isEqualTo("handlerId");
        assertThat(customers.get(mvc, customers.bearer(mvc, s.otherRep()), "/api/v1/complaints/" + id)).hasStatus(404);
        assertThat(customers.getJson(mvc, rep, "/api/v1/complaints/" + id).get("handlerId").asString())
                .isEqualTo(c.get("handlerId").asString());

        JsonNode toManager = act(rep, c, "classify", "\"category\":\"PRODUCT\",\"severity\":\"MAJOR\",\"handlerId\":\""
                + s.manager().id() + "\"");
        assertThat(toManager.get("handlerId").asString()).as("the rep's manager sees the customer")
                .isEqualTo(s.manager().id().toString());
    }
}
