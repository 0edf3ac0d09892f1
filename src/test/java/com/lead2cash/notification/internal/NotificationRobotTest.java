package com.lead2cash.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.internal.delivery.RobotWebhooks;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.notification.internal.domain.NotificationRobot;
import com.lead2cash.notification.internal.domain.RobotWebhookHosts;
import com.lead2cash.platform.FieldValidationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationRobotTest {

    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
    static final UUID SOMEONE = UUID.randomUUID();
    static final RobotWebhookHosts HOSTS = RobotWebhookHosts.of(List.of("oapi.dingtalk.com", "qyapi.weixin.qq.com"), false);

    private static NotificationRobot robot(String prefixes) {
        return NotificationRobot.connect(Channel.DINGTALK, "group", "https://oapi.dingtalk.com/robot/send?access_token=abcdef123",
                "SEC0123456789", prefixes, HOSTS, NOW);
    }

    @Test
    void aRobotWithoutPrefixesGetsEveryUrgentNotificationAndNoNormalOne() {
        NotificationRobot robot = robot("");
        assertThat(robot.receives(Notification.of(SOMEONE, "lead.assigned", "k", null).urgent())).isTrue();
        assertThat(robot.receives(Notification.of(SOMEONE, "lead.assigned", "k", null))).isFalse();
    }

    @Test
    void aRobotWithPrefixesGetsTheKindsStartingWithOneOfThemWhateverTheUrgency() {
        NotificationRobot robot = robot(" deadline. , lead.assigned ");
        assertThat(robot.prefixes()).containsExactly("deadline.", "lead.assigned");
        assertThat(robot.receives(Notification.of(SOMEONE, "deadline.breached", "k", null))).isTrue();
        assertThat(robot.receives(Notification.of(SOMEONE, "lead.assigned", "k", null))).isTrue();
        assertThat(robot.receives(Notification.of(SOMEONE, "quote.approved", "k", null).urgent())).isFalse();
    }

    @Test
    void aRobotListsKindsGroupsOrTheLeadingPartsOfKindsAndAPrefixNoKindHasIsRefusedNamingWhatMayBeListed() {
        assertThat(robot("lead, deadline., aftersales.complaint, receivable.overdue, robot.failing").prefixes())
                .containsExactly("lead", "deadline.", "aftersales.complaint", "receivable.overdue", "robot.failing");
        for (String unknown : List.of("nonsense.kind", "lea", "lead.assign", "leads.", "quote.approved")) {
            assertThatThrownBy(() -> robot("deadline., " + unknown)).as(unknown)
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldValidationException.FieldError("kindPrefixes", "notification.robot.kinds.unknown",
                                    unknown, NotificationKind.groupsListed(), NotificationKind.kindsListed())));
        }
        assertThat(NotificationKind.groupsListed()).startsWith("aftersales, approval, ").contains(", lead, ");
        assertThat(NotificationKind.kindsListed()).contains("deadline.breached, deadline.reminder");
        NotificationRobot robot = robot("lead.");
        assertThatThrownBy(() -> robot.reconfigure("group", robot.webhookUrl(), "", false, "nonsense.kind", HOSTS, NOW))
                .as("a change is held to the same rule").isInstanceOf(FieldValidationException.class);
        assertThat(robot.prefixes()).containsExactly("lead.");
    }

    @Test
    void aRobotNeverGetsTheNoticeThatItStoppedDeliveringButAnotherRobotListingTheKindDoes() {
        NotificationRobot failing = robot("robot.");
        NotificationRobot other = robot("robot.");
        Notification notice = Notification.of(SOMEONE, NotificationKind.ROBOT_FAILING, "k", null).about(failing.id());
        assertThat(failing.receives(notice)).isFalse();
        assertThat(failing.receives(notice.urgent())).isFalse();
        assertThat(other.receives(notice)).isTrue();
    }

    @Test
    void aDisabledRobotGetsNothing() {
        NotificationRobot robot = robot("");
        robot.disable(NOW);
        assertThat(robot.receives(Notification.of(SOMEONE, "x", "k", null).urgent())).isFalse();
    }

    @Test
    void theSecretAndTheAccessTokenAreMaskedAndAnEmptySecretKeepsTheStoredOne() {
        NotificationRobot robot = robot("");
        assertThat(robot.maskedSecret()).isEqualTo("••••6789");
        assertThat(robot.maskedWebhook()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abcd••••");
        robot.reconfigure("group", robot.webhookUrl(), "", false, "", HOSTS, NOW);
        assertThat(robot.secret()).isEqualTo("SEC0123456789");
        robot.reconfigure("group", robot.webhookUrl(), null, true, "", HOSTS, NOW);
        assertThat(robot.secret()).isNull();
    }

    @Test
    void aShortTokenIsMaskedWholeAndAChangedMaskedWebhookIsRefusedKeepingTheToken() {
        NotificationRobot shortToken = NotificationRobot.connect(Channel.DINGTALK, "group",
                "https://oapi.dingtalk.com/robot/send?access_token=ab&x=1", null, "", HOSTS, NOW);
        assertThat(shortToken.maskedWebhook()).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=••••&x=1");

        NotificationRobot robot = robot("");
        String stored = robot.webhookUrl();
        robot.reconfigure("group", robot.maskedWebhook(), "", false, "", HOSTS, NOW);
        assertThat(robot.webhookUrl()).as("sent back exactly masked: kept").isEqualTo(stored);
        assertThatThrownBy(() -> robot.reconfigure("group", robot.maskedWebhook() + "&x=1", "", false, "", HOSTS, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("webhookUrl", "notification.robot.url.masked")));
        assertThat(robot.webhookUrl()).isEqualTo(stored);
    }

    @Test
    void aRobotNeedsAnHttpWebhookANameAndARobotChannel() {
        assertThatThrownBy(() -> NotificationRobot.connect(Channel.WECOM, " ", "ftp://x", null, "", HOSTS, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field).containsExactly("name", "webhookUrl"));
        assertThatThrownBy(() -> NotificationRobot.connect(Channel.EMAIL, "n", "https://oapi.dingtalk.com/robot/send", null, "", HOSTS, NOW))
                .isInstanceOf(FieldValidationException.class);
    }

    @Test
    void aWebhookIsHttpsOnADingTalkOrWeComRobotHostUnlessConfiguredOtherwise() {
        for (String refused : List.of("http://127.0.0.1:9999/robot-ssrf", "http://oapi.dingtalk.com/robot/send",
                "https://10.0.0.1/robot/send", "https://oapi.dingtalk.com.evil.example/robot/send",
                "https://oapi.dingtalk.com@10.0.0.1/robot/send", "https://localhost/robot/send",
                "https://OAPI.DINGTALK.COM:8096/robot/send?access_token=x", "https://oapi.dingtalk.com:80/robot/send")) {
            assertThatThrownBy(() -> NotificationRobot.connect(Channel.DINGTALK, "n", refused, null, "", HOSTS, NOW))
                    .as(refused).isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldValidationException.FieldError("webhookUrl",
                                    "notification.robot.url.invalid", "oapi.dingtalk.com, qyapi.weixin.qq.com")));
        }
        assertThat(NotificationRobot.connect(Channel.WECOM, "n", "https://QYAPI.weixin.qq.com/cgi-bin/webhook/send?key=k",
                null, "", HOSTS, NOW).webhookUrl()).startsWith("https://QYAPI");
        assertThat(HOSTS.allows("https://oapi.dingtalk.com:443/robot/send?access_token=x")).as("https's own port").isTrue();
        RobotWebhookHosts local = RobotWebhookHosts.of(List.of("localhost"), true);
        assertThat(local.allows("http://localhost:8089/robot/send")).isTrue();
        assertThat(local.allows("http://127.0.0.1:8089/robot/send")).isFalse();
    }

    @Test
    void aRobotsWebhookIsOnItsOwnChannelsHostNotTheOtherChannels() {
        assertThatThrownBy(() -> NotificationRobot.connect(Channel.DINGTALK, "n",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, "", HOSTS, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldValidationException.FieldError("webhookUrl", "notification.robot.url.otherChannel",
                                "oapi.dingtalk.com")));
        assertThatThrownBy(() -> NotificationRobot.connect(Channel.WECOM, "n",
                "https://OAPI.dingtalk.com/robot/send?access_token=x", null, "", HOSTS, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldValidationException.FieldError("webhookUrl", "notification.robot.url.otherChannel",
                                "qyapi.weixin.qq.com")));
        NotificationRobot robot = robot("");
        assertThatThrownBy(() -> robot.reconfigure("group", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
                "", false, "", HOSTS, NOW)).as("a change is held to the same rule")
                .isInstanceOf(FieldValidationException.class);
        assertThat(robot.webhookUrl()).startsWith("https://oapi.dingtalk.com/");
        assertThat(HOSTS.allows(Channel.DINGTALK, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"))
                .as("nor is it posted to").isFalse();
        assertThat(RobotWebhookHosts.of(List.of("localhost"), true).allows(Channel.WECOM, "http://localhost:8089/robot"))
                .as("a configured host no channel owns serves both").isTrue();
    }

    @Test
    void theDingTalkSignatureMatchesTheDocumentedAlgorithm() {
        // computed independently: printf '1700000000000\nSECtest' | openssl dgst -sha256 -hmac SECtest -binary | base64
        assertThat(RobotWebhooks.dingTalkSign("SECtest", 1_700_000_000_000L)).isEqualTo("aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=");
    }

    @Test
    void errorTextsLoseTheWebhookCredentials() {
        assertThat(RobotWebhooks.redact("I/O error on POST request for \"https://oapi.dingtalk.com/robot/send"
                + "?access_token=abc123&timestamp=1&sign=xyz%3D\": timed out"))
                .isEqualTo("I/O error on POST request for \"https://oapi.dingtalk.com/robot/send"
                        + "?access_token=••••&timestamp=1&sign=••••\": timed out");
        assertThat(RobotWebhooks.redact("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1 refused"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=•••• refused");
    }
}
