package com.lead2cash.testing;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects notifications instead of sending them. Like the real notifier it joins the caller's
 * transaction: a notification counts only once that transaction commits.
 */
public class RecordingNotifier implements Notifier {

    private final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(Notification notification) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sent.add(notification);
                }
            });
        } else {
            sent.add(notification);
        }
    }

    /** Records nothing: settling changes notifications already sent, which this notifier does not keep as such. */
    @Override
    public void settle(com.lead2cash.notification.NotificationKind kind, java.util.UUID subjectId) {
    }

    @Override
    public void settle(com.lead2cash.notification.NotificationKind kind, java.util.UUID subjectId, java.util.UUID recipientId) {
    }

    public List<Notification> sent() {
        return List.copyOf(sent);
    }

    public List<Notification> sent(String kind) {
        return sent.stream().filter(n -> n.kind().equals(kind)).toList();
    }

    public void clear() {
        sent.clear();
    }
}
