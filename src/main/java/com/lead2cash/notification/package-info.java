/**
 * Notifications — the in-app inbox, e-mail over SMTP, DingTalk and WeCom group robots, per-user
 * channel preferences and the daily digest. Other modules call
 * {@link com.lead2cash.notification.Notifier}; delivery happens after their transaction commits,
 * with retries, and never blocks or fails the business change. E-mail to people outside the company
 * (customers' contacts) goes through the same outbox with {@link com.lead2cash.notification.ExternalMail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "platform :: web"})
package com.lead2cash.notification;
