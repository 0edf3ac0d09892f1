package com.lead2cash.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.notification.internal.domain.Channel;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Without anyone calling the worker, its background task delivers what was committed. */
@IntegrationTest
// the robot is a local server: its host and plain http allowed here only
@TestPropertySource(properties = {"l2c.notification.poll-interval=200ms", "l2c.scheduler.polling-interval=100ms",
        "l2c.notification.robot-hosts=localhost", "l2c.notification.robot-plain-http=true"})
class ScheduledDeliveryTest {

    @RegisterExtension
    static TestRobotServer robotServer = new TestRobotServer();

    @Autowired Notifier notifier;
    @Autowired RobotAdmin robots;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void theScheduledPollDeliversACommittedNotificationOnItsOwn() {
        UUID rep = fixtures.user("poller", fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP).id();
        robots.connect(new RobotAdmin.RobotForm(Channel.DINGTALK, "group", robotServer.baseUrl()
                + "/robot/send?access_token=t", null, false, ""));

        notifier.send(Notification.of(rep, "deadline.breached", "notification.robot.test", null, "L-1", "X").urgent());

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(jdbc.sql("select state from notification_delivery").query(String.class).single())
                        .isEqualTo("SENT"));
        assertThat(robotServer.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).hasSize(1);
    }
}
