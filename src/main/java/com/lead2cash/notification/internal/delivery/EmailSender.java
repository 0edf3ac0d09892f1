package com.lead2cash.notification.internal.delivery;

import com.lead2cash.notification.internal.NotificationProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Plain-text UTF-8 e-mail over the SMTP server configured with {@code spring.mail.*}. */
@Component
public class EmailSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    void send(String to, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryRefused("no mail server configured");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("e-mail could not be composed: " + e.getMessage(), e);
        }
    }
}
