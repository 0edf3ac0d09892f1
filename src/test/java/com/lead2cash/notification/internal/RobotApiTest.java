package com.lead2cash.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §6: the group robots page's actions over the API (/api/v1/robots) — connect, read, change, switch off, test —
 * through the same service and rules, the webhook's token and the secret only ever answered masked.
 */
@IntegrationTest
// the robots are a local server: its host and plain http allowed here only
@TestPropertySource(properties = {"l2c.notification.poll-interval=1h", "l2c.notification.robot-hosts=localhost",
        "l2c.notification.robot-plain-http=true"})
class RobotApiTest {

    @RegisterExtension
    static TestRobotServer robotServer = new TestRobotServer();

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    String admin;

    @BeforeEach
    void reset() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
    }

    private MvcTestResult send(String method, String uri, String token, String body) {
        var request = switch (method) {
            case "POST" -> mvc.post().uri(uri);
            case "PUT" -> mvc.put().uri(uri);
            default -> mvc.get().uri(uri);
        };
        request.header(HttpHeaders.AUTHORIZATION, token).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    private JsonNode json(MvcTestResult result) {
        return fixtures.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    private String webhook(String token) {
        return robotServer.dingTalkWebhook(token);
    }

    @Test
    void anAdministratorConnectsChangesSwitchesOffAndTestsARobotWhoseTokenAndSecretAreNeverAnsweredWhole() {
        String name = "华东销售群 " + UUID.randomUUID();
        String secret = "SECverysecretvalue42";
        var created = send("POST", "/api/v1/robots", admin, """
                {"channel": "DINGTALK", "name": "%s", "webhookUrl": "%s", "secret": "%s",
                 "kindPrefixes": ["deadline.", "lead.assigned"]}""".formatted(name, webhook("tok123456"), secret));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode robot = json(created);
        String id = robot.get("id").asString();
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/robots/" + id);
        assertThat(robot.get("maskedWebhook").asString()).isEqualTo(webhook("tok1••••"));
        assertThat(robot.get("maskedSecret").asString()).isEqualTo("••••ue42");
        assertThat(robot.get("kindPrefixes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("deadline.", "lead.assigned");
        assertThat(robot.get("enabled").asBoolean()).isTrue();
        assertThat(robot.at("/delivery/latest").asString()).isEqualTo("No deliveries yet");
        var list = send("GET", "/api/v1/robots", admin, null);
        var one = send("GET", "/api/v1/robots/" + id, admin, null);
        for (MvcTestResult read : List.of(created, list, one)) {
            assertThat(read).bodyText().doesNotContain(secret).doesNotContain("tok123456");
        }
        assertThat(list).hasStatusOk();
        assertThat(one).hasStatusOk();
        assertThat(json(list).valueStream().filter(r -> r.get("id").asString().equals(id)).toList())
                .singleElement().isEqualTo(robot);
        assertThat(json(one)).isEqualTo(robot);
        long version = robot.get("version").asLong();

        // the test message: taken, said as the page says it, and the robot's latest outcome beside its deliveries
        var test = send("POST", "/api/v1/robots/" + id + "/test", admin, null);
        assertThat(test).hasStatusOk();
        assertThat(json(test).get("taken").asBoolean()).isTrue();
        assertThat(json(test).get("message").asString()).isEqualTo("Test message sent to robot " + name + ".");
        assertThat(json(test).at("/robot/delivery/test").asString()).startsWith("Test message taken");
        LoggedRequest posted = robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        assertThat(posted.queryParameter("sign").isPresent()).isTrue();
        assertThat(posted.getBodyAsString()).contains(name);

        // a robot that refuses the test is no error of the request: its status is said, never its answer
        robotServer.stubFor(post(urlPathEqualTo("/robot/send"))
                .willReturn(aResponse().withStatus(502).withBody("internal reply: db password hunter2")));
        var refused = send("POST", "/api/v1/robots/" + id + "/test", admin, null);
        assertThat(refused).hasStatusOk().bodyText().doesNotContain("hunter2");
        assertThat(json(refused).get("taken").asBoolean()).isFalse();
        assertThat(json(refused).get("message").asString()).isEqualTo("Robot " + name
                + " did not take the test message (HTTP 502).");
        assertThat(json(refused).at("/robot/delivery/testFailed").asBoolean()).isTrue();

        // a change needs the version it was read at (428 without, 409 stale), and changes nothing refused
        assertThat(send("PUT", "/api/v1/robots/" + id, admin, "{\"enabled\": false}"))
                .hasStatus(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(send("PUT", "/api/v1/robots/" + id, admin, "{\"enabled\": false, \"version\": " + (version + 7) + "}"))
                .hasStatus(HttpStatus.CONFLICT);
        // the webhook sent back as answered (masked) keeps the stored one; the secret left out is kept
        var changed = send("PUT", "/api/v1/robots/" + id, admin, """
                {"name": "%s", "webhookUrl": "%s", "enabled": false, "kindPrefixes": ["lead"], "version": %d}"""
                .formatted(name + " 2", robot.get("maskedWebhook").asString(), version));
        assertThat(changed).hasStatusOk();
        assertThat(json(changed).get("enabled").asBoolean()).isFalse();
        assertThat(json(changed).get("name").asString()).isEqualTo(name + " 2");
        assertThat(json(changed).get("version").asLong()).isGreaterThan(version);
        assertThat(jdbc.sql("select webhook_url || ' ' || secret || ' ' || kind_prefixes || ' ' || enabled"
                        + " from notification_robot where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo(webhook("tok123456") + " " + secret + " lead false");
        // the masked webhook changed a little would store the mask and lose the token: refused, nothing changed
        var maskChanged = send("PUT", "/api/v1/robots/" + id, admin, """
                {"webhookUrl": "%s&x=1", "version": %d}""".formatted(robot.get("maskedWebhook").asString(),
                json(changed).get("version").asLong()));
        assertThat(maskChanged).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(maskChanged).at("/errors/0/field").asString()).isEqualTo("webhookUrl");
        assertThat(json(maskChanged).at("/errors/0/message").asString())
                .isEqualTo("Enter the whole webhook address, not the masked one: the masked address has lost its access token.");
        assertThat(jdbc.sql("select webhook_url from notification_robot where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single()).isEqualTo(webhook("tok123456"));
    }

    @Test
    void theApiRefusesWhatThePageRefusesAndOnlyAnAdministratorUsesIt() {
        String name = "refused " + UUID.randomUUID();
        // a loopback address by number is not the allowed host "localhost"
        var internal = send("POST", "/api/v1/robots", admin, """
                {"channel": "DINGTALK", "name": "%s", "webhookUrl": "http://127.0.0.1:%d/robot/send"}"""
                .formatted(name, robotServer.getPort()));
        assertThat(internal).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(internal).at("/errors/0/field").asString()).isEqualTo("webhookUrl");
        var unknownKind = send("POST", "/api/v1/robots", admin, """
                {"channel": "WECOM", "name": "%s", "webhookUrl": "%s", "kindPrefixes": ["lead.", "nonsense.kind"]}"""
                .formatted(name, robotServer.baseUrl() + "/cgi-bin/webhook/send?key=k-1"));
        assertThat(unknownKind).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(unknownKind).at("/errors/0/field").asString()).isEqualTo("kindPrefixes");
        assertThat(json(unknownKind).at("/errors/0/message").asString())
                .startsWith("Not a notification kind: nonsense.kind.").contains("deadline, ", "deadline.breached");
        var email = send("POST", "/api/v1/robots", admin, """
                {"channel": "EMAIL", "name": "%s", "webhookUrl": "%s"}""".formatted(name, webhook("t")));
        assertThat(email).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json(email).at("/errors/0/field").asString()).isEqualTo("channel");
        assertThat(jdbc.sql("select count(*) from notification_robot where name = :name").param("name", name)
                .query(Integer.class).single()).isZero();
        assertThat(send("GET", "/api/v1/robots/" + UUID.randomUUID(), admin, null)).hasStatus(HttpStatus.NOT_FOUND);

        JsonNode robot = json(send("POST", "/api/v1/robots", admin, """
                {"channel": "DINGTALK", "name": "%s", "webhookUrl": "%s"}""".formatted(name, webhook("t1"))));
        String id = robot.get("id").asString();
        var unknownOnChange = send("PUT", "/api/v1/robots/" + id, admin,
                "{\"kindPrefixes\": [\"nonsense.kind\"], \"version\": " + robot.get("version").asLong() + "}");
        assertThat(unknownOnChange).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(jdbc.sql("select kind_prefixes from notification_robot where id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).isEmpty();

        String rep = "rep" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.user(rep, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String repToken = "Bearer " + fixtures.token(mvc, rep);
        assertThat(send("GET", "/api/v1/robots", repToken, null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("GET", "/api/v1/robots/" + id, repToken, null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", "/api/v1/robots/" + id + "/test", repToken, null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("PUT", "/api/v1/robots/" + id, repToken, "{\"enabled\": false, \"version\": 0}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", "/api/v1/robots", repToken, """
                {"channel": "DINGTALK", "name": "%s x", "webhookUrl": "%s"}""".formatted(name, webhook("t2"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(robotServer.getAllServeEvents()).isEmpty();
    }

    @Test
    void theRobotFormRefusesAKindNoNotificationHasNamingTheGroupsAndKindsItMayList() {
        Cookie session = mvc.post().uri("/login").with(csrf()).param("username", "admin")
                .param("password", Fixtures.ADMIN_PASSWORD).exchange().getResponse().getCookie("SESSION");
        String name = "form kinds " + UUID.randomUUID();
        assertThat(mvc.post().uri("/admin/integrations/robots/new").cookie(session).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("channel", "DINGTALK").param("name", name).param("webhookUrl", webhook("t3"))
                .param("kindPrefixes", "deadline., nonsense.kind"))
                .hasStatusOk().bodyText().contains("is-invalid", "receivable.overdue", "aftersales.handover.returned");
        assertThat(jdbc.sql("select count(*) from notification_robot where name = :name").param("name", name)
                .query(Integer.class).single()).isZero();
    }
}
