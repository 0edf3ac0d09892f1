package com.lead2cash.notification;

import java.util.UUID;

/**
 * Sends notifications. Joins the caller's transaction: the notification is stored with the
 * business change and delivered after commit (inbox at once; e-mail and robots with retries), so a
 * failing channel never blocks or rolls back the change that caused it.
 */
public interface Notifier {

    void send(Notification notification);

    /**
     * Settles the notifications of this kind about this record ({@link Notification#about}) that are not settled yet,
     * whoever received them: their readers have nothing left to do about it (someone else did it, or it was moved to
     * someone else). They leave the unread notifications and say they are settled; no channel carries them any more:
     * their e-mail and group robot posts that have not left yet are not sent, a daily digest not sent yet does not
     * list them and one made later neither (what already left stays sent). Joins the caller's transaction;
     * the notifications it sent before are settled too, the ones it sends after are not.
     */
    void settle(NotificationKind kind, UUID subjectId);

    /**
     * As {@link #settle(NotificationKind, UUID)}, the notifications of one recipient only: they have nothing left to do
     * about the record, others still have (a deactivated holder of a role that a pool's task waits on, 0074).
     */
    void settle(NotificationKind kind, UUID subjectId, UUID recipientId);
}
