package com.lead2cash.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.notification.internal.delivery.DeliveryWorker;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DingTalk and WeCom group robots against a local HTTP server: signature, body, retries, transactions. */
@IntegrationTest
// the robots are a local server: its host and plain http allowed here only
@TestPropertySource(properties = {"l2c.notification.poll-interval=1h", "l2c.notification.robot-hosts=localhost",
        "l2c.notification.robot-plain-http=true"})
class RobotDeliveryTest {

    static final Instant START = Instant.parse("2026-11-24T02:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);
    @RegisterExtension
    static TestRobotServer robotServer = new TestRobotServer();

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        java.time.Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired Notifier notifier;
    @Autowired DeliveryWorker worker;
    @Autowired RobotAdmin robots;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired Inbox inbox;

    UUID rep;

    @BeforeEach
    void reset() {
        CLOCK.set(START);
        jdbc.sql("delete from notification_delivery").update();
        jdbc.sql("delete from notification_message").update();
        jdbc.sql("delete from notification_robot").update();
        String name = "rep" + java.util.UUID.randomUUID().toString().substring(0, 8);
        rep = fixtures.user(name, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP).id();
    }

    private NotificationRobot dingTalk(String secret, String prefixes) {
        return robots.connect(new RobotAdmin.RobotForm(Channel.DINGTALK, "sales group " + java.util.UUID.randomUUID(),
                robotServer.baseUrl() + "/robot/send?access_token=abc123", secret, false, prefixes));
    }

    private Notification urgent() {
        return Notification.of(rep, "deadline.breached", "notification.robot.test", "/leads/42", "L-2026-000042", "SLA")
                .urgent();
    }

    @Test
    void dingTalkRequestCarriesTheDocumentedHmacSha256SignatureAndTheText() throws Exception {
        String secret = "SECabcdef0123456789";
        dingTalk(secret, "");

        notifier.send(urgent());
        assertThat(worker.runOnce()).isEqualTo(1);

        List<LoggedRequest> requests = robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("abc123");
        String timestamp = request.queryParameter("timestamp").firstValue();
        assertThat(Long.parseLong(timestamp)).isEqualTo(START.toEpochMilli());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.queryParameter("sign").firstValue()).isEqualTo(expected);
        // the raw query carries the signature URL-encoded exactly once
        assertThat(request.getUrl()).contains("sign=" + java.net.URLEncoder.encode(expected, StandardCharsets.UTF_8));

        JsonNode body = json.readTree(request.getBodyAsString());
        assertThat(body.get("msgtype").asString()).isEqualTo("text");
        // the recipient's default language is Chinese
        assertThat(body.get("text").get("content").asString())
                .contains("测试消息", "L-2026-000042", "/leads/42");
        assertThat(state()).containsExactly("SENT");
    }

    @Test
    void dingTalkWithoutSecretIsPostedUnsigned() {
        dingTalk(null, "");
        notifier.send(urgent());
        worker.runOnce();
        LoggedRequest request = robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        assertThat(request.getQueryParams()).doesNotContainKeys("timestamp", "sign");
    }

    @Test
    void weComRequestIsATextMessageWithTheRenderedTitle() {
        robots.connect(new RobotAdmin.RobotForm(Channel.WECOM, "wecom group", robotServer.baseUrl()
                + "/cgi-bin/webhook/send?key=k-123", null, false, "deadline."));

        notifier.send(urgent());
        worker.runOnce();

        List<LoggedRequest> requests = robotServer.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")));
        assertThat(requests).hasSize(1);
        JsonNode body = json.readTree(requests.get(0).getBodyAsString());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("msgtype", "text");
        assertThat(body.get("msgtype").asString()).isEqualTo("text");
        assertThat(body.get("text").propertyNames()).containsExactly("content");
        assertThat(body.get("text").get("content").asString()).contains("L-2026-000042");
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/json");
        assertThat(state()).containsExactly("SENT");
    }

    @Test
    void aRobotOnlyGetsTheKindsItListsOrUrgentOnesWhenItListsNone() {
        dingTalk(null, "lead.");
        notifier.send(urgent());
        notifier.send(Notification.of(rep, "lead.assigned", "notification.robot.test", null, "x", "y"));
        assertThat(jdbc.sql("""
                select m.kind from notification_delivery d join notification_message m on m.id = d.message_id
                """).query(String.class).list()).containsExactly("lead.assigned");
    }

    @Test
    void aFailingRobotIsRetriedWithDoublingBackoffUntilItIsGivenUpWhileTheBusinessChangeStaysCommitted() {
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        dingTalk("SECsecret", "");

        // the business transaction: it commits although the robot is down
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> notifier.send(urgent()));
        assertThat(inboxRows()).isEqualTo(1);

        Duration expectedDelay = Duration.ofMinutes(1);
        for (int attempt = 1; attempt <= 8; attempt++) {
            assertThat(worker.runOnce()).as("attempt " + attempt).isEqualTo(1);
            Delivery d = delivery();
            assertThat(d.attempts()).isEqualTo(attempt);
            assertThat(d.lastError()).isNotBlank();
            if (attempt < 8) {
                assertThat(d.state()).isEqualTo("PENDING");
                assertThat(d.nextAttemptAt()).isEqualTo(CLOCK.instant().plus(expectedDelay));
                // not due yet: nothing is sent before the backoff has passed
                CLOCK.advance(expectedDelay.minusSeconds(1));
                assertThat(worker.runOnce()).isZero();
                CLOCK.advance(Duration.ofSeconds(1));
                expectedDelay = expectedDelay.multipliedBy(2);
            } else {
                assertThat(d.state()).isEqualTo("FAILED");
            }
        }
        CLOCK.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
        assertThat(robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).hasSize(8);
        assertThat(inboxRows()).isEqualTo(1);
    }

    private Notification contest(UUID lead, String code) {
        return Notification.of(rep, NotificationKind.LEAD_CONTEST, "notification.robot.test", "/leads/" + lead, code,
                "SLA").about(lead).urgent();
    }

    @Test
    void aRobotPostStillWaitingWhenItsNoticeIsSettledIsNeverPosted() {
        dingTalk(null, "");
        robots.connect(new RobotAdmin.RobotForm(Channel.WECOM, "wecom group", robotServer.baseUrl()
                + "/cgi-bin/webhook/send?key=k-123", null, false, ""));
        UUID decided = UUID.randomUUID();
        notifier.send(contest(decided, "L-2026-000051"));

        // settled in the business transaction that did the work, before the worker ran
        new TransactionTemplate(transactionManager).executeWithoutResult(
                tx -> notifier.settle(NotificationKind.LEAD_CONTEST, decided));
        assertThat(worker.runOnce()).isZero();

        assertThat(robotServer.getAllServeEvents()).isEmpty();
        assertThat(state()).containsExactly("WITHDRAWN", "WITHDRAWN");
        // withdrawn for good: a later run sends it no more
        CLOCK.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
        assertThat(robotServer.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRobotPostAlreadyPostedStaysPostedWhenItsNoticeIsSettledAndOneWaitingForARetryIsWithdrawn() {
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).withRequestBody(containing("L-2026-000053"))
                .willReturn(aResponse().withStatus(500)));
        dingTalk(null, "");
        UUID postedFirst = UUID.randomUUID();
        UUID failedOnce = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        notifier.send(contest(postedFirst, "L-2026-000052"));
        notifier.send(contest(failedOnce, "L-2026-000053"));
        assertThat(worker.runOnce()).isEqualTo(2);
        notifier.send(contest(open, "L-2026-000054"));

        notifier.settle(NotificationKind.LEAD_CONTEST, postedFirst);
        notifier.settle(NotificationKind.LEAD_CONTEST, failedOnce);
        // after the retry's backoff: only the notice still open is posted
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(worker.runOnce()).isEqualTo(1);

        assertThat(jdbc.sql("""
                select m.args ->> 0 || ' ' || d.state || ' ' || d.attempts from notification_delivery d
                  join notification_message m on m.id = d.message_id order by 1
                """).query(String.class).list())
                .containsExactly("L-2026-000052 SENT 1", "L-2026-000053 WITHDRAWN 1", "L-2026-000054 SENT 1");
        CLOCK.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
        // the first post and the failed attempt, both before the settle, and the open one: the retry never went
        assertThat(robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).hasSize(3);
        assertThat(robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))
                .withRequestBody(containing("L-2026-000053")))).hasSize(1);
    }

    @Test
    void aRobotAnsweringANonZeroErrcodeCountsAsAFailure() {
        robotServer.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
        dingTalk("SECsecret", "");
        notifier.send(urgent());
        worker.runOnce();
        Delivery d = delivery();
        assertThat(d.state()).isEqualTo("PENDING");
        assertThat(d.lastError()).contains("310000", "sign not match");
    }

    @Test
    void anUnreachableRobotsFailureIsRecordedWithItsReasonNotAsNull() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        robots.connect(new RobotAdmin.RobotForm(Channel.WECOM, "wecom unreachable " + UUID.randomUUID(),
                "http://localhost:" + closedPort + "/cgi-bin/webhook/send?key=k-secret-1", null, false, ""));
        notifier.send(urgent());
        worker.runOnce();

        Delivery d = delivery();
        assertThat(d.state()).isEqualTo("PENDING");
        // what the log line says too: the reason (the refused connection), not the cause's empty message
        assertThat(d.lastError()).containsPattern("^robot unreachable: \\w+Exception")
                .doesNotContain("null").doesNotContain("k-secret-1");
    }

    @Test
    void theRobotsPagesShowEachRobotsDeliveryHealthWithTheLastFailureSaidInTheReadersLanguage() throws Exception {
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        // a WeCom robot whose key names no robot: WeCom answers 200 with its errcode
        robotServer.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(
                okJson("{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1733000000_raw_hint]\"}")));
        NotificationRobot failing = robots.connect(new RobotAdmin.RobotForm(Channel.WECOM, "wecom bogus " + UUID.randomUUID(),
                robotServer.baseUrl() + "/cgi-bin/webhook/send?key=bogus", null, false, "deadline."));
        NotificationRobot working = dingTalk(null, "lead.");
        NotificationRobot quiet = robots.connect(new RobotAdmin.RobotForm(Channel.WECOM, "wecom quiet " + UUID.randomUUID(),
                robotServer.baseUrl() + "/cgi-bin/webhook/send?key=quiet", null, false, "approval."));
        notifier.send(Notification.of(rep, "lead.assigned", "notification.robot.test", null, "x", "y"));
        notifier.send(urgent());
        // the urgent one given up after its eighth attempt, 127 minutes later; a second one fails once then
        Duration delay = Duration.ofMinutes(1);
        for (int attempt = 1; attempt <= 8; attempt++) {
            worker.runOnce();
            if (attempt < 8) {
                CLOCK.advance(delay);
                delay = delay.multipliedBy(2);
            }
        }
        notifier.send(urgent());
        worker.runOnce();
        assertThat(jdbc.sql("select state from notification_delivery where robot_id = :id order by state")
                .param("id", failing.id()).query(String.class).list()).containsExactly("FAILED", "PENDING");

        for (String[] words : new String[][] {
                {"zh-CN", "最近一次投递失败（2026-11-24 12:07）：机器人不认识该 Webhook 地址（错误码 93000），请从群机器人设置中重新复制地址。",
                        "自上次送达以来 2 条投递失败", "近 7 天有 1 条投递已放弃", "最近一次于 2026-11-24 10:00 送达", "尚无投递"},
                {"en", "Last delivery failed (2026-11-24 12:07): The robot does not know this webhook address (error code 93000)",
                        "2 deliveries failed since the last one delivered", "1 delivery given up in the last 7 days",
                        "Last delivered 2026-11-24 10:00", "No deliveries yet"}}) {
            String list = mvc.get().uri("/admin/integrations/robots?lang=" + words[0]).cookie(session).exchange()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(list).as(words[0]).contains(words[1], words[2], words[3], words[4], words[5])
                    .doesNotContain("raw_hint").doesNotContain("I/O error");
            String page = mvc.get().uri("/admin/integrations/robots/" + failing.id() + "?lang=" + words[0])
                    .cookie(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(words[0]).contains("robot-health", words[1], words[2], words[3]);
            assertThat(mvc.get().uri("/admin/integrations/robots/" + working.id() + "?lang=" + words[0])
                    .cookie(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .as(words[0]).contains(words[4]).doesNotContain(words[2]);
            assertThat(mvc.get().uri("/admin/integrations/robots/" + quiet.id() + "?lang=" + words[0])
                    .cookie(session).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .as(words[0]).contains(words[5]);
        }
    }

    @Test
    void aNotificationSentInATransactionThatRollsBackLeavesNoInboxRowAndNoDelivery() {
        dingTalk(null, "");
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            notifier.send(urgent());
            tx.setRollbackOnly();
        });
        assertThat(inboxRows()).isZero();
        assertThat(jdbc.sql("select count(*) from notification_delivery").query(Integer.class).single()).isZero();
        assertThat(worker.runOnce()).isZero();
        assertThat(robotServer.getAllServeEvents()).isEmpty();
    }

    @Test
    void aDisabledRobotGetsNoNewDeliveriesAndPendingOnesFailWithoutRetry() {
        NotificationRobot robot = dingTalk(null, "");
        notifier.send(urgent());
        robots.setEnabled(robot.id(), false, robot.version());
        worker.runOnce();
        assertThat(delivery().state()).isEqualTo("FAILED");
        // switched off by an administrator: no robot stopped delivering on its own
        assertThat(jdbc.sql("select count(*) from notification_message where kind = 'robot.failing'")
                .query(Integer.class).single()).isZero();
        notifier.send(urgent());
        assertThat(jdbc.sql("select count(*) from notification_delivery").query(Integer.class).single()).isEqualTo(1);
        assertThat(robotServer.getAllServeEvents()).isEmpty();
    }

    @Test
    void anAdministratorConnectsARobotWhoseSecretIsNeverShownBackAndSendsATestMessage() {
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        String secret = "SECverysecretvalue42";
        assertThat(mvc.post().uri("/admin/integrations/robots/new").cookie(session).with(csrf())
                .param("channel", "DINGTALK").param("name", "华东销售群")
                .param("webhookUrl", robotServer.baseUrl() + "/robot/send?access_token=tok123456")
                .param("secret", secret).param("kindPrefixes", "deadline., lead.assigned"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/integrations/robots");
        assertThat(mvc.post().uri("/admin/integrations/robots/new").cookie(session).with(csrf())
                .param("channel", "WECOM").param("name", "x").param("webhookUrl", "not a url"))
                .hasStatusOk().bodyText().contains("is-invalid");

        var list = mvc.get().uri("/admin/integrations/robots").cookie(session).exchange();
        assertThat(list).hasStatusOk().bodyText().contains("华东销售群", "••••ue42", "deadline.,lead.assigned")
                .doesNotContain(secret).doesNotContain("tok123456");
        UUID id = jdbc.sql("select id from notification_robot").query(UUID.class).single();
        assertThat(mvc.get().uri("/admin/integrations/robots/" + id).cookie(session)).hasStatusOk().bodyText()
                .doesNotContain(secret);
        // the screen changes the robot through the same rule: a masked webhook, changed, is refused and keeps the token
        assertThat(mvc.post().uri("/admin/integrations/robots/" + id).cookie(session).with(csrf())
                .param("channel", "DINGTALK").param("name", "华东销售群").param("kindPrefixes", "deadline.")
                .param("webhookUrl", robotServer.baseUrl() + "/robot/send?access_token=tok1••••&x=1")
                .param("version", String.valueOf(jdbc.sql("select version from notification_robot").query(Long.class).single())))
                .hasStatusOk().bodyText().contains("is-invalid", "Enter the whole webhook address, not the masked one");
        assertThat(jdbc.sql("select webhook_url from notification_robot").query(String.class).single())
                .isEqualTo(robotServer.baseUrl() + "/robot/send?access_token=tok123456");

        assertThat(mvc.post().uri("/admin/integrations/robots/" + id + "/test").cookie(session).with(csrf()))
                .hasStatus(HttpStatus.FOUND).flash().containsKey("flashSuccess");
        LoggedRequest request = robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        assertThat(request.queryParameter("sign").isPresent()).isTrue();
        assertThat(request.getBodyAsString()).contains("华东销售群");

        String rep = "rep" + java.util.UUID.randomUUID().toString().substring(0, 8);
        fixtures.user(rep, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        Cookie repSession = mvc.post().uri("/login").with(csrf()).param("username", rep)
                .param("password", Fixtures.PASSWORD).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/admin/integrations/robots").cookie(repSession)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aWebhookOutsideTheRobotHostsIsRefusedOnTheFormAndATestFailureShowsTheStatusNotTheAnswer() {
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        // a loopback address by number is not the allowed host "localhost"
        assertThat(mvc.post().uri("/admin/integrations/robots/new").cookie(session).with(csrf())
                .param("channel", "DINGTALK").param("name", "ssrf")
                .param("webhookUrl", "http://127.0.0.1:" + robotServer.getPort() + "/robot/send"))
                .hasStatusOk().bodyText().contains("is-invalid", "localhost");
        assertThat(jdbc.sql("select count(*) from notification_robot").query(Integer.class).single()).isZero();

        robotServer.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(aResponse().withStatus(502).withBody("internal reply: db password hunter2")));
        NotificationRobot robot = dingTalk(null, "");
        var test = mvc.post().uri("/admin/integrations/robots/" + robot.id() + "/test").cookie(session).with(csrf())
                .exchange();
        assertThat(test).hasStatus(HttpStatus.FOUND).flash().containsEntry("flashError", "notification.flash.testFailed");
        assertThat((Object[]) test.getMvcResult().getFlashMap().get("flashArgs")).containsExactly(robot.name(), "502");

        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":1,\"errmsg\":\"hunter2\"}")));
        test = mvc.post().uri("/admin/integrations/robots/" + robot.id() + "/test").cookie(session).with(csrf())
                .exchange();
        assertThat((Object[]) test.getMvcResult().getFlashMap().get("flashArgs")).containsExactly(robot.name(), "200");
    }

    @Test
    void aRobotSavedWithAnAddressNoLongerAllowedIsNeverPosted() {
        NotificationRobot robot = dingTalk(null, "");
        jdbc.sql("update notification_robot set webhook_url = :url where id = :id")
                .param("url", "http://127.0.0.1:" + robotServer.getPort() + "/robot/send").param("id", robot.id()).update();
        notifier.send(urgent());
        worker.runOnce();
        assertThat(delivery().state()).isEqualTo("FAILED");
        assertThat(robotServer.getAllServeEvents()).isEmpty();
    }

    /** Two active administrators, and one deactivated, made for the test (the seeded administrator is one more). */
    private List<UUID> administrators() {
        String name = "adm" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = fixtures.user(name + "a", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.ADMIN).id();
        UUID second = fixtures.user(name + "b", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.ADMIN).id();
        UUID deactivated = fixtures.user(name + "c", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.ADMIN).id();
        jdbc.sql("update platform_user set active = false where id = :id").param("id", deactivated).update();
        return List.of(first, second, deactivated);
    }

    /** Each notice that the robot stopped delivering a person got: whether settled, and its link. */
    private List<String> robotFailingNotices(UUID recipient, UUID robot) {
        return jdbc.sql("""
                select case when settled_at is null then 'open ' else 'settled ' end || link from notification_message
                 where recipient_id = :recipient and kind = 'robot.failing' and subject_id = :robot
                 order by created_at, id
                """).param("recipient", recipient).param("robot", robot).query(String.class).list();
    }

    @Test
    void aRobotFailingAgainAndAgainTellsEachActiveAdministratorOnceNamingItAndWhyAndNeverThroughItself() {
        List<UUID> admins = administrators();
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        // it would receive the notice's kind, were it not about itself
        NotificationRobot robot = dingTalk(null, "deadline.,robot.");
        String page = "/admin/integrations/robots/" + robot.id();

        // its very first delivery fails, then a second one, then both once more
        notifier.send(urgent());
        notifier.send(urgent());
        assertThat(worker.runOnce()).isEqualTo(2);
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(worker.runOnce()).isEqualTo(2);
        assertThat(robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).hasSize(4);

        assertThat(robotFailingNotices(admins.get(0), robot.id())).containsExactly("open " + page);
        assertThat(robotFailingNotices(admins.get(1), robot.id())).containsExactly("open " + page);
        assertThat(robotFailingNotices(admins.get(2), robot.id())).as("a deactivated administrator").isEmpty();
        assertThat(robotFailingNotices(rep, robot.id())).as("not an administrator").isEmpty();
        // the failing robot carries none of them
        assertThat(jdbc.sql("""
                select count(*) from notification_delivery d join notification_message m on m.id = d.message_id
                 where m.kind = 'robot.failing'
                """).query(Integer.class).single()).isZero();

        // said in the reader's language, as the robot's page says why
        assertThat(inbox.list(admins.get(0), false, null, 10, Locale.ENGLISH).items()).singleElement()
                .satisfies(item -> assertThat(item.title()).isEqualTo("Group robot " + robot.name()
                        + " stopped delivering notifications: The robot's server answered HTTP 500 instead of taking"
                        + " the message: check the webhook address."));
        assertThat(inbox.list(admins.get(1), false, null, 10, Locale.SIMPLIFIED_CHINESE).items()).singleElement()
                .satisfies(item -> assertThat(item.title()).isEqualTo("群机器人 " + robot.name()
                        + " 投递通知失败：机器人服务器返回 HTTP 500，未接收消息，请检查 Webhook 地址。"));
    }

    @Test
    void aRobotThatDeliversAgainEndsItsFailingSpellAndItsNextFailureTellsTheAdministratorsAgain() {
        List<UUID> admins = administrators();
        NotificationRobot robot = dingTalk(null, "");
        String page = "/admin/integrations/robots/" + robot.id();
        // delivered: healthy, nobody told
        notifier.send(urgent());
        worker.runOnce();
        assertThat(robotFailingNotices(admins.get(0), robot.id())).isEmpty();

        // its first failure after a delivery
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        notifier.send(urgent());
        worker.runOnce();
        assertThat(robotFailingNotices(admins.get(0), robot.id())).containsExactly("open " + page);

        // it delivers again (the retry): the spell ends, its notice settled
        robotServer.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(robotFailingNotices(admins.get(0), robot.id())).containsExactly("settled " + page);

        // and fails again: a new spell, told anew, once
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        notifier.send(urgent());
        notifier.send(urgent());
        assertThat(worker.runOnce()).isEqualTo(2);
        for (UUID admin : admins.subList(0, 2)) {
            assertThat(robotFailingNotices(admin, robot.id())).containsExactly("settled " + page, "open " + page);
        }
        assertThat(robotFailingNotices(admins.get(2), robot.id())).isEmpty();
        assertThat(robotFailingNotices(rep, robot.id())).isEmpty();
    }

    @Test
    void aTestMessageTheRobotTakesEndsItsFailingSpellAndAFailedTestTellsNobody() {
        List<UUID> admins = administrators();
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        NotificationRobot robot = dingTalk(null, "");
        String page = "/admin/integrations/robots/" + robot.id();
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));

        // a failed test: the administrator pressing it sees it, nobody is told, no spell begins
        assertThat(mvc.post().uri(page + "/test").cookie(session).with(csrf())).hasStatus(HttpStatus.FOUND)
                .flash().containsEntry("flashError", "notification.flash.testFailed");
        assertThat(robotFailingNotices(admins.get(0), robot.id())).isEmpty();

        // a real notice fails: the spell begins, the administrators are told
        notifier.send(urgent());
        worker.runOnce();
        assertThat(robotFailingNotices(admins.get(0), robot.id())).containsExactly("open " + page);

        // the address fixed, the test message is taken: the spell ends and its notices are settled, no real notice needed
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        assertThat(mvc.post().uri(page + "/test").cookie(session).with(csrf())).hasStatus(HttpStatus.FOUND)
                .flash().containsKey("flashSuccess");
        for (UUID admin : admins.subList(0, 2)) {
            assertThat(robotFailingNotices(admin, robot.id())).containsExactly("settled " + page);
        }
        assertThat(jdbc.sql("select count(*) from notification_robot where id = :id and failing_since is null")
                .param("id", robot.id()).query(Integer.class).single()).isEqualTo(1);

        // so its next failure is a new spell, told anew
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        notifier.send(urgent());
        CLOCK.advance(Duration.ofMinutes(5));
        worker.runOnce();
        assertThat(robotFailingNotices(admins.get(0), robot.id())).containsExactly("settled " + page, "open " + page);
    }

    /** The robot's page, and the robots' list, in the language given. */
    private List<String> robotPages(Cookie session, NotificationRobot robot, String language) throws Exception {
        return List.of(
                mvc.get().uri("/admin/integrations/robots/" + robot.id() + "?lang=" + language).cookie(session)
                        .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8),
                mvc.get().uri("/admin/integrations/robots?lang=" + language).cookie(session).exchange().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aTestMessageIsTheRobotsLatestOutcomeOnItsPagesBesideItsLatestDeliveryUntilTheNextDelivery() throws Exception {
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        NotificationRobot robot = dingTalk(null, "");
        // one that none of these notices goes to
        NotificationRobot untried = dingTalk(null, "approval.");
        String page = "/admin/integrations/robots/" + robot.id();
        // a real notice fails at 10:00
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
        notifier.send(urgent());
        worker.runOnce();
        String failed = "最近一次投递失败（2026-11-24 10:00）：机器人服务器返回 HTTP 500，未接收消息，请检查 Webhook 地址。";
        assertThat(robotPages(session, robot, "zh-CN")).allSatisfy(html -> assertThat(html)
                .contains(failed, "自上次送达以来 1 条投递失败").doesNotContain("robot-test"));

        // the address fixed, the test message is taken at 10:05: said beside the failed delivery, which it came after,
        // and the failure counted no more (the test ended the spell)
        CLOCK.advance(Duration.ofMinutes(5));
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        assertThat(mvc.post().uri(page + "/test").cookie(session).with(csrf())).hasStatus(HttpStatus.FOUND)
                .flash().containsKey("flashSuccess");
        assertThat(robotPages(session, robot, "zh-CN")).allSatisfy(html -> assertThat(html)
                .contains(failed, "测试消息于 2026-11-24 10:05 送达").doesNotContain("自上次送达以来"));
        assertThat(robotPages(session, robot, "en")).allSatisfy(html -> assertThat(html)
                .contains("Test message taken 2026-11-24 10:05").doesNotContain("failed since the last one delivered"));

        // a test the robot does not take at 10:10 is its latest outcome, said with why
        CLOCK.advance(Duration.ofMinutes(5));
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
        assertThat(mvc.post().uri(page + "/test").cookie(session).with(csrf())).hasStatus(HttpStatus.FOUND)
                .flash().containsEntry("flashError", "notification.flash.testFailed");
        assertThat(robotPages(session, robot, "zh-CN").get(0)).contains(failed, "测试消息未送达（2026-11-24 10:10）：")
                .doesNotContain("测试消息于 2026-11-24 10:05 送达").doesNotContain("sign not match")
                .as("the failure before the test taken counted no more").doesNotContain("自上次送达以来");
        assertThat(jdbc.sql("select count(*) from notification_robot where id = :id and failing_since is null")
                .param("id", robot.id()).query(Integer.class).single()).as("a failed test begins no spell").isEqualTo(1);

        // a delivery after it is the latest outcome again: the test is no longer said
        CLOCK.advance(Duration.ofMinutes(5));
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        notifier.send(urgent());
        worker.runOnce();
        assertThat(robotPages(session, robot, "zh-CN")).allSatisfy(html -> assertThat(html)
                .contains("最近一次于 2026-11-24 10:15 送达").doesNotContain("robot-test"));

        // a robot tested before any delivery says both
        assertThat(mvc.post().uri("/admin/integrations/robots/" + untried.id() + "/test").cookie(session).with(csrf()))
                .hasStatus(HttpStatus.FOUND).flash().containsKey("flashSuccess");
        assertThat(robotPages(session, untried, "zh-CN").get(0)).contains("尚无投递", "测试消息于 2026-11-24 10:15 送达");
    }

    @Test
    void aRobotListingTheRobotPrefixPostsAnotherRobotsFailureToItsGroupOnceHoweverManyAdministratorsAreTold() {
        List<UUID> admins = administrators();
        NotificationRobot failing = dingTalk(null, "");
        NotificationRobot watcher = robots.connect(new RobotAdmin.RobotForm(Channel.WECOM, "ops group " + UUID.randomUUID(),
                robotServer.baseUrl() + "/cgi-bin/webhook/send?key=watcher", null, false, "robot."));
        robotServer.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));

        notifier.send(urgent());
        worker.runOnce();
        // every active administrator is told in the inbox (the seeded one and the two made here) ...
        assertThat(robotFailingNotices(admins.get(0), failing.id())).hasSize(1);
        assertThat(robotFailingNotices(admins.get(1), failing.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from notification_message where kind = 'robot.failing'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        // ... and the watching group once
        assertThat(jdbc.sql("select count(*) from notification_delivery where robot_id = :robot")
                .param("robot", watcher.id()).query(Integer.class).single()).isEqualTo(1);
        worker.runOnce();
        assertThat(robotServer.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")))).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains(failing.name()));
    }

    record Delivery(String state, int attempts, Instant nextAttemptAt, String lastError) {
    }

    private Delivery delivery() {
        return jdbc.sql("select state, attempts, next_attempt_at, last_error from notification_delivery")
                .query((rs, i) -> new Delivery(rs.getString(1), rs.getInt(2),
                        rs.getObject(3, Timestamp.class) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .single();
    }

    private List<String> state() {
        return jdbc.sql("select state from notification_delivery").query(String.class).list();
    }

    private int inboxRows() {
        return jdbc.sql("select count(*) from notification_message where recipient_id = :r").param("r", rep)
                .query(Integer.class).single();
    }
}
