package com.lead2cash.notification.internal.delivery;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the administrators when a group robot stops delivering, once per failing spell (decision 0097) — the one place
 * that decides it. A spell begins with the robot's first failed delivery after one it delivered, or with its first
 * delivery failing; it ends with its next delivery taken, or a test message it takes ({@code RobotAdmin.sendTest}; a
 * failed test begins nothing: the administrator is watching). The robot's {@code failing_since} says whether it is in one:
 * the statement that sets it from null is the one that begins the spell, so a robot failing again and again — or on two
 * nodes at once — tells nobody twice. Every active administrator gets an inbox notice ({@link Notifier}, NORMAL: the
 * daily digest too) naming the robot and why it failed, as the robot's page says it, with a link to that page; the
 * failing robot never carries it ({@code NotificationRobot.receives}). When the robot delivers again its notices are
 * settled: nothing is left to do about them. A delivery refused because the robot was switched off or removed begins
 * no spell: the administrator did that. A test message's outcome is recorded on the robot ({@code last_test_at},
 * {@code last_test_error}, {@code last_test_taken_at}) for its pages, which show it beside the latest delivery when it is the newer.
 */
@Component
public class RobotFailureAlerts {

    /** The robot's page, which the notice links to (RobotAdminController). */
    static final String ROBOT_PAGE = "/admin/integrations/robots/";

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final OrgDirectory directory;
    private final Clock clock;

    RobotFailureAlerts(JdbcClient jdbc, Notifier notifier, OrgDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.directory = directory;
        this.clock = clock;
    }

    /** A delivery to the robot failed, for this recorded reason: when that begins a spell, the administrators hear. */
    @Transactional
    public void failed(UUID robotId, String lastError) {
        List<String> began = jdbc.sql("""
                update notification_robot set failing_since = :now
                 where id = :id and enabled and failing_since is null
                returning name
                """).param("now", Timestamp.from(clock.instant())).param("id", robotId).query(String.class).list();
        if (began.isEmpty()) {
            return;
        }
        RobotFailures.Said why = RobotFailures.said(lastError);
        for (OrgDirectory.Person admin : directory.activeWithRole(Role.ADMIN)) {
            notifier.send(Notification.of(admin.id(), NotificationKind.ROBOT_FAILING,
                    "notification.robot.alert.failing", ROBOT_PAGE + robotId, began.get(0),
                    Notification.Words.of(why.key(), "", why.args())).about(robotId));
        }
    }

    /**
     * The robot took a test message ({@code RobotAdmin.sendTest}): recorded for its pages (a test leaves no delivery
     * row), and, as a delivery taken, it ends a failing spell.
     */
    @Transactional
    public void testTaken(UUID robotId) {
        recordTest(robotId, null);
        delivered(robotId);
    }

    /**
     * The robot did not take a test message, for this reason: recorded for its pages, said as a delivery's failure is
     * ({@link RobotFailures#said}); it begins no spell and tells nobody — the administrator pressing it is watching.
     */
    @Transactional
    public void testFailed(UUID robotId, RuntimeException why) {
        // as a failed delivery records it
        recordTest(robotId, RobotFailures.recorded(why));
    }

    private void recordTest(UUID robotId, String error) {
        jdbc.sql("""
                update notification_robot set last_test_at = :now, last_test_error = :error,
                       last_test_taken_at = case when :taken then :now else last_test_taken_at end
                 where id = :id
                """).param("now", Timestamp.from(clock.instant())).param("error", error).param("taken", error == null)
                .param("id", robotId).update();
    }

    /** The robot took a delivery or a test message: a failing spell ends, its notices settled. */
    @Transactional
    public void delivered(UUID robotId) {
        int ended = jdbc.sql("""
                update notification_robot set failing_since = null where id = :id and failing_since is not null
                """).param("id", robotId).update();
        if (ended > 0) {
            notifier.settle(NotificationKind.ROBOT_FAILING, robotId);
        }
    }
}
