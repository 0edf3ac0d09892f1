package com.lead2cash.notification;

/**
 * Sends notifications. Joins the caller's transaction: the notification is stored with the
 * business change and delivered after commit (inbox at once; e-mail and robots with retries), so a
 * failing channel never blocks or rolls back the change that caused it.
 */
public interface Notifier {

    void send(Notification notification);
}
