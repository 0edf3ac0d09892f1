package com.lead2cash.confirmation.internal;

import com.lead2cash.notification.ExternalMail;
import com.lead2cash.platform.OrgDirectory;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The e-mail that carries a confirmation link to the contact, in the language the owning module chose (Chinese by default). */
@Component
public class ConfirmationMail {

    static final String KIND = "confirmation.request";

    private final ExternalMail mail;
    private final MessageSource messages;
    private final OrgDirectory directory;
    private final String companyName;
    private final ZoneId zone;

    ConfirmationMail(ExternalMail mail, MessageSource messages, OrgDirectory directory,
                     @Value("${l2c.company-name:Lead2Cash}") String companyName,
                     @Value("${l2c.zone:Asia/Shanghai}") ZoneId zone) {
        this.mail = mail;
        this.messages = messages;
        this.directory = directory;
        this.companyName = companyName;
        this.zone = zone;
    }

    /** E-mail can leave the application at all (a mail server is configured). */
    boolean serverAvailable() {
        return mail.available();
    }

    /** Queues the e-mail with the link (to a contact with an address, a mail server configured). */
    void send(Confirmation confirmation, String url) {
        Locale locale = confirmation.locale();
        String sender = directory.person(confirmation.requestedBy()).map(OrgDirectory.Person::displayName)
                .orElse(companyName);
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(confirmation.expiresAt());
        String purpose = confirmation.purpose().name();
        String subject = text("confirmation.email.subject." + purpose, locale, companyName, confirmation.title());
        String body = text("confirmation.email.body." + purpose, locale, confirmation.recipientName(), sender,
                companyName, confirmation.title(), url, until);
        mail.send(new ExternalMail.Email(confirmation.recipientEmail(), confirmation.recipientName(), KIND, subject,
                body));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
