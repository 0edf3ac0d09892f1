package com.lead2cash.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Without a configured public address ({@code l2c.confirmation.base-url}) a confirmation link is never
 * e-mailed: its host would come from the request's Host header, which anyone can forge, into a mail the
 * company sends. The rep still gets the link to show as a QR code or pass on, and is told why no mail went.
 */
@IntegrationTest
@TestPropertySource(properties = {"l2c.notification.poll-interval=1h", "l2c.confirmation.base-url="})
class ConfirmationPublicAddressTest {

    @RegisterExtension
    static GreenMailExtension smtp = TestMailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.use(smtp, registry);
    }

    @Autowired MockMvcTester mvc;
    @Autowired Confirmations confirmations;
    @Autowired Fixtures fixtures;
    @Autowired TransactionTemplate tx;
    @Autowired com.lead2cash.notification.internal.DeliveryProbe deliveries;

    @Test
    void aForgedHostHeaderNeverReachesAnEmailedLink() throws Exception {
        deliveries.runOnce();
        smtp.purgeEmailFromAllMailboxes();
        User rep = fixtures.user("rep" + UUID.randomUUID().toString().substring(0, 8), fixtures.rootUnit(),
                LocalDate.of(2024, 1, 1), Role.SALES_REP);
        SentConfirmation sent = tx.execute(s -> confirmations.request(new ConfirmationRequest(
                Purpose.CONFIRM_DOCUMENT, ConfirmationSubject.of("TestDocument", "doc-host", 1),
                new ConfirmationDocument("需求分析报告 v1", List.of(new ConfirmationDocument.Paragraph("客户背景", "制造业"))),
                new Recipient(UUID.randomUUID(), "王伟", "wang.wei@customer.test"), rep.id(), rep.id(), null, null)));
        assertThat(sent.emailQueued()).isFalse();
        assertThat(sent.emailNotSent()).isEqualTo(EmailNotSent.NO_PUBLIC_ADDRESS);
        String uri = "/api/v1/confirmations/" + sent.confirmation().id() + "/links";

        // the API, asked to e-mail a new link, with a forged Host header
        JsonNode link = fixtures.mapper().readTree(mvc.post().uri(uri).header(HttpHeaders.HOST, "evil.example")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, rep.username()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":true}").exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(link.at("/confirmation/emailed").asBoolean()).isFalse();
        assertThat(link.at("/confirmation/emailNotSentReason").asString()).isEqualTo("NO_PUBLIC_ADDRESS");
        assertThat(link.at("/confirmation/url").asString()).as("shown to the rep only").startsWith("http://evil.example/c/");

        // the page, the same, tells the rep why nothing was mailed
        Cookie session = fixtures.session(mvc, rep.username(), Fixtures.PASSWORD);
        String fragment = mvc.post().uri("/confirmations/" + sent.confirmation().id() + "/links?email=true")
                .header(HttpHeaders.HOST, "evil.example").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").cookie(session)
                .with(SecurityMockMvcRequestPostProcessors.csrf()).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("id=\"sent-not-emailed\"", "未配置对外访问地址").doesNotContain("??");

        deliveries.runOnce();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(mail.getContent().toString()).doesNotContain("evil.example");
        }
        assertThat(smtp.getReceivedMessages()).as("no confirmation mail without a public address").isEmpty();
    }
}
