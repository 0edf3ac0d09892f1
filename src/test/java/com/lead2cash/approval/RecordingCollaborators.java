package com.lead2cash.approval;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import com.lead2cash.sop.Deadlines;
import com.lead2cash.sop.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stand-ins for the SOP engine's deadlines and the notification module that record every call, so
 * approval tests assert what was asked of them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingCollaborators {

    /** One call to {@link Deadlines}: op is open, recordMet, meet, cancel, moveDue or transfer. */
    public record DeadlineCall(String op, String ruleId, SubjectRef subject, UUID ownerId, Instant at) {
    }

    public static class RecordingDeadlines implements Deadlines {

        public final List<DeadlineCall> calls = new CopyOnWriteArrayList<>();

        @Override
        public UUID open(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt) {
            calls.add(new DeadlineCall("open", ruleId, subject, ownerId, startedAt));
            return UUID.nameUUIDFromBytes((ruleId + subject).getBytes());
        }

        @Override
        public UUID openUntil(String ruleId, SubjectRef subject, UUID ownerId, Instant startedAt, Instant dueAt) {
            calls.add(new DeadlineCall("openUntil", ruleId, subject, ownerId, startedAt));
            return UUID.nameUUIDFromBytes((ruleId + subject).getBytes());
        }

        @Override
        public List<DeadlineRecord> of(SubjectRef subject, Instant startedAtOrBefore, int limit) {
            return List.of();
        }

        @Override
        public List<DeadlineRecord> of(String subjectType, java.util.Collection<String> subjectIds, Instant startedAtOrBefore,
                                       int limit) {
            return List.of();
        }

        @Override
        public UUID recordMet(String ruleId, SubjectRef subject, UUID ownerId, Instant at) {
            calls.add(new DeadlineCall("recordMet", ruleId, subject, ownerId, at));
            return UUID.nameUUIDFromBytes((ruleId + subject + at).getBytes());
        }

        @Override
        public void meet(String ruleId, SubjectRef subject, Instant metAt) {
            calls.add(new DeadlineCall("meet", ruleId, subject, null, metAt));
        }

        @Override
        public void cancel(String ruleId, SubjectRef subject) {
            calls.add(new DeadlineCall("cancel", ruleId, subject, null, null));
        }

        @Override
        public boolean moveDue(String ruleId, SubjectRef subject, Instant dueAt) {
            calls.add(new DeadlineCall("moveDue", ruleId, subject, null, dueAt));
            return false;
        }

        @Override
        public void transfer(String ruleId, SubjectRef subject, UUID newOwnerId) {
            calls.add(new DeadlineCall("transfer", ruleId, subject, newOwnerId, null));
        }

        public List<DeadlineCall> of(String op) {
            return calls.stream().filter(c -> c.op().equals(op)).toList();
        }
    }

    public static class RecordingNotifier implements Notifier {

        public final List<Notification> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(Notification notification) {
            sent.add(notification);
        }

        @Override
        public void settle(com.lead2cash.notification.NotificationKind kind, UUID subjectId) {
        }

        @Override
        public void settle(com.lead2cash.notification.NotificationKind kind, UUID subjectId, UUID recipientId) {
        }

        public List<Notification> to(UUID recipient, String kind) {
            return sent.stream().filter(n -> n.recipientId().equals(recipient) && n.kind().equals(kind)).toList();
        }
    }

    @Bean
    @Primary
    RecordingDeadlines recordingDeadlines() {
        return new RecordingDeadlines();
    }

    @Bean
    @Primary
    RecordingNotifier recordingNotifier() {
        return new RecordingNotifier();
    }
}
