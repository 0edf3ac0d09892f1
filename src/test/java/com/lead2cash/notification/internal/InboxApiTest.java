package com.lead2cash.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The inbox over the API and in the browser: only one's own notifications, unread count, mark read, preferences. */
@IntegrationTest
@TestPropertySource(properties = "l2c.notification.poll-interval=1h")
class InboxApiTest {

    private static final String MIGRATION = "db/migration/V202612062100__notification_deadline_notices_in_words.sql";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Notifier notifier;
    @Autowired JdbcClient jdbc;

    String alice;
    String bob;
    UUID aliceId;
    UUID bobId;

    @BeforeEach
    void twoReps() {
        alice = "alice" + java.util.UUID.randomUUID().toString().substring(0, 8);
        bob = "bob" + java.util.UUID.randomUUID().toString().substring(0, 8);
        aliceId = fixtures.user(alice, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP).id();
        bobId = fixtures.user(bob, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP).id();
    }

    private MockMvcTester.MockMvcRequestBuilder get(String user, String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, user));
    }

    private MockMvcTester.MockMvcRequestBuilder post(String user, String uri) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, user));
    }

    private void notifyAlice(String code) {
        notifier.send(Notification.of(aliceId, "lead.assigned", "notification.robot.test", "/leads/" + code, code, "X"));
    }

    @Test
    void theUnreadCountFallsWhenANotificationIsMarkedReadAndReadAllClearsIt() {
        notifyAlice("L-1");
        notifyAlice("L-2");
        notifyAlice("L-3");
        assertThat(get(alice, "/api/v1/notifications/unread-count")).hasStatusOk()
                .bodyJson().extractingPath("$.count").isEqualTo(3);

        JsonNode list = fixtures.json(get(alice, "/api/v1/notifications?unread=true"));
        String first = list.get("items").get(0).get("id").asString();
        assertThat(post(alice, "/api/v1/notifications/" + first + "/read")).hasStatusOk()
                .bodyJson().extractingPath("$.readAt").isNotNull();
        assertThat(get(alice, "/api/v1/notifications/unread-count")).bodyJson().extractingPath("$.count").isEqualTo(2);
        assertThat(fixtures.json(get(alice, "/api/v1/notifications?unread=true")).get("items")).hasSize(2);

        assertThat(post(alice, "/api/v1/notifications/read-all")).hasStatusOk()
                .bodyJson().extractingPath("$.marked").isEqualTo(2);
        assertThat(get(alice, "/api/v1/notifications/unread-count")).bodyJson().extractingPath("$.count").isEqualTo(0);
        assertThat(fixtures.json(get(alice, "/api/v1/notifications")).get("items")).hasSize(3);
    }

    @Test
    void someoneElsesNotificationAnswers404AndNeverAppearsInTheirList() {
        notifyAlice("L-9");
        UUID id = jdbc.sql("select id from notification_message where recipient_id = :u").param("u", aliceId)
                .query(UUID.class).single();
        assertThat(post(bob, "/api/v1/notifications/" + id + "/read")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fixtures.json(get(bob, "/api/v1/notifications")).get("items")).isEmpty();
        assertThat(get(bob, "/api/v1/notifications/unread-count")).bodyJson().extractingPath("$.count").isEqualTo(0);
        assertThat(jdbc.sql("select read_at from notification_message where id = :id").param("id", id)
                .query(java.sql.Timestamp.class).optional()).isEmpty();
    }

    @Test
    void theListIsNewestFirstInKeysetPagesWithTitlesInTheCallersLanguage() {
        for (int i = 1; i <= 5; i++) {
            notifyAlice("L-" + i);
        }
        String token = fixtures.token(mvc, alice);
        List<String> titles = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = fixtures.json(mvc.get().uri("/api/v1/notifications?size=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
            page.get("items").forEach(item -> titles.add(item.get("title").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(titles).hasSize(5);
        assertThat(titles.get(0)).contains("robot L-5 is connected");
        assertThat(titles.get(4)).contains("robot L-1 is connected");

        JsonNode zh = fixtures.json(mvc.get().uri("/api/v1/notifications?size=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"));
        assertThat(zh.get("items").get(0).get("title").asString()).contains("测试消息：机器人 L-5");
        assertThat(zh.get("items").get(0).get("link").asString()).isEqualTo("/leads/L-5");
        assertThat(zh.get("items").get(0).get("urgency").asString()).isEqualTo("NORMAL");
    }

    @Test
    void withoutAMailServerEmailIsUnavailableAndNoEmailDeliveryIsRecorded() {
        assertThat(get(alice, "/api/v1/notifications/preferences")).hasStatusOk().bodyJson()
                .extractingPath("$.emailAvailable").isEqualTo(false);
        notifier.send(Notification.of(aliceId, "deadline.breached", "notification.robot.test", null, "L", "X").urgent());
        assertThat(jdbc.sql("select count(*) from notification_delivery where recipient_id = :u").param("u", aliceId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void preferencesAreTheCallersOwnAndAStaleVersionIsRefused() {
        String token = fixtures.token(mvc, alice);
        JsonNode defaults = fixtures.json(mvc.get().uri("/api/v1/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        assertThat(defaults.get("locale").asString()).isEqualTo("zh-CN");
        assertThat(defaults.get("emailEnabled").asBoolean()).isTrue();
        assertThat(defaults.get("digestEnabled").asBoolean()).isTrue();

        assertThat(mvc.put().uri("/api/v1/notifications/preferences").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"locale\":\"en\",\"emailEnabled\":false,\"digestEnabled\":true,\"mutedKinds\":[\"lead.assigned\"],"
                        + "\"version\":" + defaults.get("version").asLong() + "}"))
                .as("the first save changes the defaults shown at version 0: version 1, like any record's first change")
                .hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(1);
        assertThat(mvc.put().uri("/api/v1/notifications/preferences").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"locale\":\"zh-CN\",\"emailEnabled\":true,\"digestEnabled\":true,\"version\":0}"))
                .as("sent again with the defaults' version: stale, not a silent overwrite").hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.put().uri("/api/v1/notifications/preferences").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"locale\":\"en\",\"emailEnabled\":true,\"digestEnabled\":true,\"version\":7}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.put().uri("/api/v1/notifications/preferences").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"locale\":\"fr\",\"emailEnabled\":true,\"digestEnabled\":true,\"version\":1}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        JsonNode mine = fixtures.json(get(alice, "/api/v1/notifications/preferences"));
        assertThat(mine.get("locale").asString()).isEqualTo("en");
        assertThat(mine.get("emailEnabled").asBoolean()).isFalse();
        assertThat(mine.get("mutedKinds").get(0).asString()).isEqualTo("lead.assigned");
        assertThat(mine.get("version").asLong()).isEqualTo(1);
        assertThat(fixtures.json(get(bob, "/api/v1/notifications/preferences")).get("locale").asString()).isEqualTo("zh-CN");
    }

    @Test
    void theHeaderBellShowsTheUnreadCountAndOpeningANotificationMarksItReadAndFollowsItsLink() {
        notifyAlice("L-1");
        notifyAlice("L-2");
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", alice)
                .param("password", Fixtures.PASSWORD).exchange().getResponse().getCookie("SESSION");

        assertThat(mvc.get().uri("/").cookie(session)).hasStatusOk().bodyText()
                .contains("hx-get=\"/notifications/badge\"", "hx-trigger=\"load, every 60s\"");
        assertThat(mvc.get().uri("/notifications/badge").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"notification-unread\"").containsPattern(">\\s*2\\s*</span>");

        UUID id = jdbc.sql("select id from notification_message where recipient_id = :u order by created_at limit 1")
                .param("u", aliceId).query(UUID.class).single();
        assertThat(mvc.post().uri("/notifications/" + id + "/open").cookie(session).with(csrf()))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/leads/L-1");
        assertThat(mvc.get().uri("/notifications/badge").cookie(session)).bodyText()
                .containsPattern(">\\s*1\\s*</span>");
        assertThat(mvc.get().uri("/notifications").cookie(session)).hasStatusOk().bodyText()
                .contains("robot L-2", "table-primary");

        assertThat(mvc.post().uri("/notifications/read-all").cookie(session).with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/notifications/badge").cookie(session)).bodyText()
                .doesNotContain("notification-unread");
        assertThat(mvc.get().uri("/notifications/preferences").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"email-unavailable\"")
                .as("defaults never saved are posted at version 0, so a stale second save is refused")
                .containsPattern("name=\"version\"\\s+value=\"0\"");
    }

    @Test
    void thePreferencesPageListsEveryKindSentUnderItsHeadingWithLabelAndDescription() throws Exception {
        notifier.send(Notification.of(aliceId, "retired.kind", "notification.robot.test", null, "A", "B"));
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", alice)
                .param("password", Fixtures.PASSWORD).exchange().getResponse().getCookie("SESSION");
        String en = mvc.get().uri("/notifications/preferences?lang=en").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).doesNotContain("??").contains("id=\"kind-group-notification-group-receivable\"", "Receivables",
                "A payment falls due soon", "A payment is overdue", "Finance moved a due date",
                "Finance moved the due date of a payment plan, with its reason.",
                "A major complaint (level-I incident)", "value=\"aftersales.complaint.levelOne\"",
                "value=\"receivable.dueDateMoved\"", "id=\"kind-group-notification-group-other\"", "retired.kind");
        for (com.lead2cash.notification.NotificationKind kind : com.lead2cash.notification.NotificationKind.values()) {
            assertThat(en).as(kind.key()).contains("value=\"" + kind.key() + "\"");
        }
        String zh = mvc.get().uri("/notifications/preferences?lang=zh-CN").cookie(session).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).doesNotContain("??").contains("回款即将到期", "回款已逾期", "财务调整了到期日", "重大投诉（一级异常）", "售后");
    }

    private String titleWithoutALanguage(String user) {
        return fixtures.json(get(user, "/api/v1/notifications?size=1")
                .requestAttr(com.lead2cash.testing.EnglishReaderAutoConfiguration.NO_LANGUAGE, true))
                .get("items").get(0).get("title").asString();
    }

    private MockMvcTester.MockMvcRequestBuilder putPreferences(String user, String body) {
        return mvc.put().uri("/api/v1/notifications/preferences")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void titlesAreInTheRequestsLanguageAndWithoutOneInTheCallersPreference() {
        notifier.send(Notification.of(aliceId, com.lead2cash.notification.NotificationKind.LEAD_ASSIGNED,
                "lead.notify.assigned", "/leads/L-2026-000011", "L-2026-000011", "语言测试有限公司", "A"));
        // her preference is Chinese (the default): a request naming Chinese, and one naming no language, read Chinese
        assertThat(title(alice, "zh-CN")).startsWith("新线索 L-2026-000011（语言测试有限公司，A类）已分配给您");
        assertThat(titleWithoutALanguage(alice)).startsWith("新线索 L-2026-000011");
        assertThat(title(alice, "en")).startsWith("New lead L-2026-000011 (语言测试有限公司, grade A) assigned to you");

        assertThat(putPreferences(alice, "{\"locale\":\"en\",\"version\":0}")).hasStatusOk();
        assertThat(titleWithoutALanguage(alice)).startsWith("New lead L-2026-000011");
        // the request's language wins over the preference, as on the screen and in problem details
        assertThat(title(alice, "zh-CN")).startsWith("新线索 L-2026-000011");
    }

    @Test
    void aPreferenceLeftOutOrSentAsNullKeepsItsValueAndOnlyLocaleIsRequired() {
        assertThat(putPreferences(alice, "{\"locale\":\"en\",\"emailEnabled\":false,\"digestEnabled\":false,"
                + "\"mutedKinds\":[\"receivable.overdue\"],\"version\":0}")).hasStatusOk();

        assertThat(putPreferences(alice, "{\"locale\":\"en\",\"digestEnabled\":true,\"version\":1}")).hasStatusOk();
        JsonNode mine = fixtures.json(get(alice, "/api/v1/notifications/preferences"));
        assertThat(mine.get("emailEnabled").asBoolean()).as("left out: kept").isFalse();
        assertThat(mine.get("digestEnabled").asBoolean()).isTrue();
        assertThat(mine.get("mutedKinds").get(0).asString()).as("left out: kept").isEqualTo("receivable.overdue");

        assertThat(putPreferences(alice, "{\"locale\":\"zh-CN\",\"emailEnabled\":null,\"digestEnabled\":null,"
                + "\"mutedKinds\":[],\"version\":2}")).hasStatusOk();
        mine = fixtures.json(get(alice, "/api/v1/notifications/preferences"));
        assertThat(mine.get("locale").asString()).isEqualTo("zh-CN");
        assertThat(mine.get("emailEnabled").asBoolean()).as("null: kept").isFalse();
        assertThat(mine.get("digestEnabled").asBoolean()).as("null: kept").isTrue();
        assertThat(mine.get("mutedKinds")).as("an empty list mutes none").isEmpty();

        assertThat(putPreferences(alice, "{\"emailEnabled\":true,\"version\":3}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyText().contains("locale");
    }

    @Test
    void anUnknownKindToMuteIsRefusedOnItsFieldAndNothingChanges() {
        notifier.send(Notification.of(aliceId, "retired.kind", "notification.robot.test", null, "A", "B"));
        assertThat(putPreferences(alice, "{\"locale\":\"zh-CN\",\"emailEnabled\":true,\"digestEnabled\":true,"
                + "\"mutedKinds\":[\"lead.assigned\",\"no.such.kind\"],\"version\":0}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText().contains("mutedKinds", "no.such.kind");
        assertThat(fixtures.json(get(alice, "/api/v1/notifications/preferences")).get("mutedKinds")).isEmpty();

        // a kind the application sends, and one no longer sent that she received (the page lists it under "Other")
        assertThat(putPreferences(alice, "{\"locale\":\"zh-CN\",\"emailEnabled\":true,\"digestEnabled\":true,"
                + "\"mutedKinds\":[\"lead.assigned\",\"retired.kind\"],\"version\":0}")).hasStatusOk();
        assertThat(fixtures.json(get(alice, "/api/v1/notifications/preferences")).get("mutedKinds"))
                .extracting(JsonNode::asString).containsExactly("lead.assigned", "retired.kind");
    }

    private String title(String user, String language) {
        return fixtures.json(get(user, "/api/v1/notifications?size=1").header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .get("items").get(0).get("title").asString();
    }

    @Test
    void aWordArgumentReadsInEachReadersLanguage() {
        notifier.send(Notification.of(aliceId, "deadline.breached", "notification.robot.test", null,
                Label.of("record.type", "Customer"), "X"));
        assertThat(title(alice, "en")).contains("robot Customer is connected");
        assertThat(title(alice, "zh-CN")).contains("测试消息：机器人 客户");
    }

    @Test
    void deadlineNoticesSentBeforeTheRecordTypeAndRuleWereWordsReadInTheNewWording() throws Exception {
        UUID lead = UUID.randomUUID();
        jdbc.sql("""
                insert into notification_message (id, recipient_id, kind, title_key, args, link, urgency, created_at)
                values (:id, :to, 'deadline.breached', 'deadline.notify.breachedTeam', cast(:args as jsonb), '/deadlines',
                    'URGENT', now())""")
                .param("id", UUID.randomUUID()).param("to", aliceId)
                .param("args", "[\"L1\", \"Lead\", \"" + lead + "\", \"2026-12-07 03:45\", \"林市\"]").update();
        String migration = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        jdbc.sql(migration).update();
        jdbc.sql(migration).update();
        assertThat(title(alice, "zh-CN")).isEqualTo("团队超时：线索 " + lead + "（林市）的 SOP L1 线索筛选 已于 2026-12-07 03:45 到期。");
        assertThat(title(alice, "en"))
                .isEqualTo("Overdue in your team: SOP L1 Lead screening for Lead " + lead + " (林市) was due at 2026-12-07 03:45.");
    }
}
