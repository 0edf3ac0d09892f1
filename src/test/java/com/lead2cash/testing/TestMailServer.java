package com.lead2cash.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An SMTP server in the test JVM (GreenMail) that the product mails to: register it as a class's static
 * {@code @RegisterExtension} with {@link #start()}, and point {@code spring.mail} at it from the class's
 * {@code @DynamicPropertySource} with {@link #use}. One server a class, on a free port, kept for all its tests.
 */
public final class TestMailServer {

    private TestMailServer() {
    }

    public static GreenMailExtension start() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    }

    public static void use(GreenMailExtension smtp, DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }
}
