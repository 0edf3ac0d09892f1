package com.lead2cash.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.lead2cash.notification.ExternalMail;
import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.notification.internal.delivery.DeliveryWorker;
import com.lead2cash.notification.internal.delivery.DigestJob;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestMailServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** E-mail through a real SMTP server (GreenMail): urgent notifications at once, normal ones in the daily digest. */
@IntegrationTest
@TestPropertySource(properties = {"l2c.notification.poll-interval=1h", "l2c.notification.base-url=https://crm.example.test"})
class EmailAndDigestTest {

    @RegisterExtension
    static GreenMailExtension smtp = TestMailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.use(smtp, registry);
    }

    // 2026-11-24 09:00 in Shanghai
    static final Instant START = Instant.parse("2026-11-24T01:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        java.time.Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired Notifier notifier;
    @Autowired DeliveryWorker worker;
    @Autowired DigestJob digest;
    @Autowired NotificationPreferences preferences;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ExternalMail externalMail;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    UUID zhUser;
    UUID enUser;
    String zhMail;
    String enMail;

    @BeforeEach
    void twoPeople() throws Exception {
        CLOCK.set(START);
        smtp.purgeEmailFromAllMailboxes();
        jdbc.sql("delete from notification_delivery").update();
        jdbc.sql("delete from notification_digest").update();
        jdbc.sql("delete from notification_message").update();
        jdbc.sql("delete from notification_outbound_email").update();
        String zh = "zh" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String en = "en" + java.util.UUID.randomUUID().toString().substring(0, 8);
        zhUser = fixtures.user(zh, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP).id();
        enUser = fixtures.user(en, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP).id();
        zhMail = zh + "@example.test";
        enMail = en + "@example.test";
        preferences.change(enUser, "en", true, true, List.of(), null);
    }

    private Notification urgentFor(UUID user) {
        return Notification.of(user, "deadline.breached", "notification.robot.test", "/leads/7", "L-7", "Ops").urgent();
    }

    @Test
    void anUrgentNotificationArrivesByEmailRenderedInEachRecipientsLanguage() throws Exception {
        notifier.send(urgentFor(zhUser));
        notifier.send(urgentFor(enUser));
        assertThat(worker.runOnce()).isEqualTo(2);

        MimeMessage toZh = only(zhMail);
        assertThat(toZh.getSubject()).isEqualTo("【Lead2Cash】【Lead2Cash】测试消息：机器人 L-7 已连通（由 Ops 发送）。");
        assertThat(GreenMailUtil.getBody(toZh)).isNotEmpty();
        assertThat(text(toZh)).contains("测试消息：机器人 L-7", "查看：https://crm.example.test/leads/7");

        MimeMessage toEn = only(enMail);
        assertThat(toEn.getSubject()).contains("Test message: robot L-7 is connected (sent by Ops).");
        assertThat(text(toEn)).contains("Open: https://crm.example.test/leads/7");
        assertThat(jdbc.sql("select distinct state from notification_delivery").query(String.class).list())
                .containsExactly("SENT");
    }

    @Test
    void aNoticeSettledBeforeItsEmailLeftIsNotEmailedAndOneAlreadySentStaysSent() throws Exception {
        UUID decided = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID sentFirst = UUID.randomUUID();
        notifier.send(Notification.of(zhUser, NotificationKind.LEAD_CONTEST, "notification.robot.test", "/leads/1",
                "L-1", "Ops").about(sentFirst).urgent());
        assertThat(worker.runOnce()).isEqualTo(1);
        notifier.send(Notification.of(zhUser, NotificationKind.LEAD_CONTEST, "notification.robot.test", "/leads/2",
                "L-2", "Ops").about(decided).urgent());
        notifier.send(Notification.of(enUser, NotificationKind.LEAD_CONTEST, "notification.robot.test", "/leads/3",
                "L-3", "Ops").about(open).urgent());

        // both still queued when the first is settled, and the one mailed before
        notifier.settle(NotificationKind.LEAD_CONTEST, decided);
        notifier.settle(NotificationKind.LEAD_CONTEST, sentFirst);
        assertThat(worker.runOnce()).isEqualTo(1);

        assertThat(text(only(zhMail))).contains("L-1").doesNotContain("L-2");
        assertThat(text(only(enMail))).contains("L-3");
        assertThat(jdbc.sql("""
                select m.args ->> 0 || ' ' || d.state from notification_delivery d
                  join notification_message m on m.id = d.message_id order by 1
                """).query(String.class).list()).containsExactly("L-1 SENT", "L-2 WITHDRAWN", "L-3 SENT");
        // withdrawn for good: a later run, after any backoff, sends it no more
        CLOCK.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
        assertThat(to(zhMail)).hasSize(1);
    }

    @Test
    void aNormalNotificationWaitsForTheDigestAndSomeoneWithEmailOffGetsNoUrgentMail() throws Exception {
        preferences.change(zhUser, "zh-CN", false, true, List.of(), preferences.of(zhUser).version());
        notifier.send(urgentFor(zhUser));
        notifier.send(Notification.of(zhUser, "lead.assigned", "notification.robot.test", null, "L-8", "Ops"));
        assertThat(worker.runOnce()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theDigestListsUnreadNormalNotificationsOncePerPersonAndDayEvenWhenTheJobRunsTwiceOnTwoThreads()
            throws Exception {
        notifier.send(Notification.of(zhUser, "lead.assigned", "notification.robot.test", "/leads/1", "L-1", "A"));
        notifier.send(Notification.of(zhUser, "lead.assigned", "notification.robot.test", "/leads/2", "L-2", "B"));
        notifier.send(Notification.of(enUser, "lead.assigned", "notification.robot.test", "/leads/3", "L-3", "C"));
        UUID read = jdbc.sql("select id from notification_message where recipient_id = :u order by created_at limit 1")
                .param("u", enUser).query(UUID.class).single();
        notifier.send(Notification.of(enUser, "lead.assigned", "notification.robot.test", "/leads/4", "L-4", "D"));
        jdbc.sql("update notification_message set read_at = created_at where id = :id").param("id", read).update();
        CLOCK.advance(Duration.ofMinutes(30));

        int made = runConcurrently(() -> digest.runOnce(), () -> digest.runOnce());
        assertThat(made).isEqualTo(2);
        assertThat(digest.runOnce()).isZero();
        worker.runOnce();

        MimeMessage toZh = only(zhMail);
        assertThat(toZh.getSubject()).isEqualTo("【Lead2Cash】每日摘要：2 条未读通知");
        assertThat(text(toZh)).contains("L-1", "L-2", "https://crm.example.test/leads/2");
        MimeMessage toEn = only(enMail);
        assertThat(toEn.getSubject()).isEqualTo("[Lead2Cash] Daily digest: 1 unread notifications");
        assertThat(text(toEn)).contains("L-4").doesNotContain("L-3");
        assertThat(jdbc.sql("select count(*) from notification_delivery where state = 'DIGESTED'")
                .query(Integer.class).single()).isEqualTo(3);

        // the same day again, and the next day with nothing new: no further digest
        assertThat(digest.runOnce()).isZero();
        CLOCK.advance(Duration.ofDays(1));
        assertThat(digest.runOnce()).isZero();
        // the next day with a new notification: a digest with only the new one
        notifier.send(Notification.of(zhUser, "lead.assigned", "notification.robot.test", null, "L-9", "E"));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(digest.runOnce()).isEqualTo(1);
        worker.runOnce();
        List<MimeMessage> zhMails = to(zhMail);
        assertThat(zhMails).hasSize(2);
        assertThat(text(zhMails.get(1))).contains("L-9").doesNotContain("L-1");
    }

    private Notification queued(UUID user, UUID lead, String code) {
        return Notification.of(user, NotificationKind.LEAD_QUEUED, "notification.robot.test", "/leads/" + lead, code,
                "Ops").about(lead);
    }

    @Test
    void aDigestMadeAfterANoticeWasSettledDoesNotListItAndSomeoneWithNothingElseGetsNone() throws Exception {
        UUID assigned = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID assignedToo = UUID.randomUUID();
        notifier.send(queued(zhUser, assigned, "L-21"));
        notifier.send(queued(zhUser, waiting, "L-22"));
        notifier.send(queued(enUser, assignedToo, "L-23"));
        notifier.settle(NotificationKind.LEAD_QUEUED, assigned);
        notifier.settle(NotificationKind.LEAD_QUEUED, assignedToo);
        CLOCK.advance(Duration.ofMinutes(30));

        assertThat(digest.runOnce()).isEqualTo(1);
        assertThat(worker.runOnce()).isEqualTo(1);

        MimeMessage toZh = only(zhMail);
        assertThat(toZh.getSubject()).isEqualTo("【Lead2Cash】每日摘要：1 条未读通知");
        assertThat(text(toZh)).contains("L-22").doesNotContain("L-21");
        assertThat(to(enMail)).isEmpty();
        assertThat(jdbc.sql("""
                select m.args ->> 0 from notification_delivery d join notification_message m on m.id = d.message_id
                """).query(String.class).list()).containsExactly("L-22");
    }

    @Test
    void aNoticeSettledBeforeItsDigestLeftIsNotListedAndADigestLeftWithNothingIsNotSent() throws Exception {
        UUID assigned = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID assignedToo = UUID.randomUUID();
        notifier.send(queued(zhUser, assigned, "L-31"));
        notifier.send(queued(zhUser, waiting, "L-32"));
        notifier.send(queued(enUser, assignedToo, "L-33"));
        CLOCK.advance(Duration.ofMinutes(30));
        assertThat(digest.runOnce()).isEqualTo(2);

        // made, not sent yet: zh's digest loses one of its two lines, en's its only one
        notifier.settle(NotificationKind.LEAD_QUEUED, assigned);
        notifier.settle(NotificationKind.LEAD_QUEUED, assignedToo);
        assertThat(worker.runOnce()).isEqualTo(1);

        MimeMessage toZh = only(zhMail);
        assertThat(toZh.getSubject()).isEqualTo("【Lead2Cash】每日摘要：1 条未读通知");
        assertThat(text(toZh)).contains("L-32").doesNotContain("L-31");
        assertThat(to(enMail)).isEmpty();
        // a digest already sent keeps what it listed
        notifier.settle(NotificationKind.LEAD_QUEUED, waiting);
        assertThat(digestStates()).containsExactlyInAnyOrder("L-31 WITHDRAWN", "L-32 DIGESTED", "L-33 WITHDRAWN",
                enUser + " WITHDRAWN", zhUser + " SENT");
        CLOCK.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aDigestWhoseLinesWereAllSettledAtOnceByTwoTransactionsIsNotSent() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        notifier.send(queued(zhUser, first, "L-41"));
        notifier.send(queued(zhUser, second, "L-42"));
        CLOCK.advance(Duration.ofMinutes(30));
        assertThat(digest.runOnce()).isEqualTo(1);

        // each settle sees the other's line still listed, so neither withdraws the digest itself
        CountDownLatch settledInside = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> one = pool.submit(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> {
                        notifier.settle(NotificationKind.LEAD_QUEUED, first);
                        settledInside.countDown();
                        await(mayCommit);
                    }));
            await(settledInside);
            notifier.settle(NotificationKind.LEAD_QUEUED, second);
            mayCommit.countDown();
            one.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }

        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(digestStates()).containsExactly("L-41 WITHDRAWN", "L-42 WITHDRAWN", zhUser + " WITHDRAWN");
        CLOCK.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The digests' lines ("code state") and their e-mails ("recipient state"). */
    private List<String> digestStates() {
        return jdbc.sql("""
                select coalesce(m.args ->> 0, d.recipient_id::text) || ' ' || d.state from notification_delivery d
                  left join notification_message m on m.id = d.message_id
                 where d.digest_id is not null order by d.message_id is null, 1
                """).query(String.class).list();
    }

    @Test
    void aDayMissedWhileNoNodeRanGetsItsDigestOnceWhenOneRunsAgain() throws Exception {
        notifier.send(Notification.of(zhUser, "lead.assigned", "notification.robot.test", "/leads/5", "L-5", "A"));
        // nothing ran at 08:30 on the 25th; at 07:00 on the 26th the 25th's digest is still due
        CLOCK.set(Instant.parse("2026-11-25T23:00:00Z"));
        assertThat(digest.runOnce()).isEqualTo(1);
        assertThat(digest.runOnce()).isZero();
        assertThat(jdbc.sql("select digest_date from notification_digest where user_id = :u").param("u", zhUser)
                .query(LocalDate.class).list()).containsExactly(LocalDate.of(2026, 11, 25));
        worker.runOnce();
        assertThat(text(only(zhMail))).contains("L-5");
        // the 26th's own digest time finds nothing new
        CLOCK.set(Instant.parse("2026-11-26T00:31:00Z"));
        assertThat(digest.runOnce()).isZero();
    }

    @Test
    void someoneWithTheDigestOffOrTheKindMutedGetsNoDigest() throws Exception {
        preferences.change(zhUser, "zh-CN", true, false, List.of(), preferences.of(zhUser).version());
        preferences.change(enUser, "en", true, true, List.of("lead.assigned"), preferences.of(enUser).version());
        notifier.send(Notification.of(zhUser, "lead.assigned", "notification.robot.test", null, "L-1", "A"));
        notifier.send(Notification.of(enUser, "lead.assigned", "notification.robot.test", null, "L-2", "B"));
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(digest.runOnce()).isZero();
        worker.runOnce();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anEmailToAnOutsideAddressGoesThroughTheOutboxOnlyWhenItsTransactionCommits() throws Exception {
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            externalMail.send(new ExternalMail.Email("rolled.back@customer.test", "回滚", "test.outbound", "不应发出", "-"));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> externalMail.send(new ExternalMail.Email("wang@customer.test", "王伟",
                "test.outbound", "请确认需求分析报告", "您好，王伟：\nhttps://crm.example.test/c/1/abc")));
        assertThat(externalMail.available()).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        assertThat(worker.runOnce()).isEqualTo(1);
        MimeMessage mail = only("wang@customer.test");
        assertThat(mail.getSubject()).isEqualTo("请确认需求分析报告");
        assertThat(text(mail)).contains("您好，王伟：", "https://crm.example.test/c/1/abc");
        assertThat(to("rolled.back@customer.test")).isEmpty();
        assertThat(jdbc.sql("select state from notification_delivery where outbound_id is not null")
                .query(String.class).list()).containsExactly("SENT");
    }

    private static int runConcurrently(Callable<Integer> a, Callable<Integer> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> fa = pool.submit(() -> {
                start.await();
                return a.call();
            });
            Future<Integer> fb = pool.submit(() -> {
                start.await();
                return b.call();
            });
            start.countDown();
            return fa.get() + fb.get();
        } finally {
            pool.shutdown();
        }
    }

    private MimeMessage only(String address) throws Exception {
        List<MimeMessage> mails = to(address);
        assertThat(mails).as("mails to " + address).hasSize(1);
        return mails.get(0);
    }

    private List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Set.of(m.getRecipients(Message.RecipientType.TO)).stream().anyMatch(r -> r.toString().equals(address))) {
                mails.add(m);
            }
        }
        return mails;
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }
}
