package com.lead2cash.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The confirmation link (SPEC §5 "Customer confirmations"): it opens exactly the version sent and takes
 * one answer for its purpose; every other link is refused alike; the answer records the canonical hash;
 * the e-mail carries the link; the QR code decodes to it.
 */
@IntegrationTest
@RecordApplicationEvents
@TestPropertySource(properties = {"l2c.notification.poll-interval=1h",
        "l2c.confirmation.base-url=https://crm.example.test", "l2c.confirmation.requests-per-minute=1000"})
class ConfirmationLinksTest {

    @RegisterExtension
    static GreenMailExtension smtp = TestMailServer.start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestMailServer.use(smtp, registry);
    }

    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        java.time.Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired MockMvcTester mvc;
    @Autowired Confirmations confirmations;
    @Autowired Fixtures fixtures;
    @Autowired com.lead2cash.testing.CustomerTestSupport customers;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;
    @Autowired TransactionTemplate tx;
    @Autowired com.lead2cash.notification.internal.DeliveryProbe deliveries;

    User rep;
    int counter;

    @BeforeEach
    void aRep() throws Exception {
        CLOCK.set(START);
        deliveries.runOnce();
        smtp.purgeEmailFromAllMailboxes();
        String name = "rep" + java.util.UUID.randomUUID().toString().substring(0, 8);
        rep = fixtures.user(name, fixtures.rootUnit(), LocalDate.of(2024, 1, 1), Role.SALES_REP);
    }

    static ConfirmationDocument report(int version) {
        return new ConfirmationDocument("需求分析报告 v" + version + " · 上海测试有限公司", List.of(
                new ConfirmationDocument.Paragraph("客户背景", "制造业，员工 800 人。\r\n去年营收 3 亿元。"),
                new ConfirmationDocument.Items("核心痛点（按优先级）", List.of("客户跟进靠 Excel", "回款逾期多"), true),
                new ConfirmationDocument.Table("决策流程", List.of("姓名", "角色"),
                        List.of(List.of("王伟", "决策人"), List.of("李娜", "使用者"))),
                new ConfirmationDocument.Paragraph("客户原话", "“我们每月因为跟进不及时流失约 5% 的客户。” <script>x</script>")));
    }

    private SentConfirmation send(Purpose purpose, String subjectId, int version, UUID contactId) {
        return tx.execute(s -> confirmations.request(new ConfirmationRequest(purpose,
                ConfirmationSubject.of("TestDocument", subjectId, version), report(version),
                new Recipient(contactId, "王伟", "wang.wei@customer.test"), rep.id(), rep.id(), null, null)));
    }

    private SentConfirmation send(Purpose purpose) {
        return send(purpose, "doc-" + (++counter), 1, UUID.randomUUID());
    }

    private static String path(SentConfirmation sent) {
        return URI.create(sent.url()).getPath();
    }

    private MvcTestResult open(String path) {
        return mvc.get().uri(path).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").exchange();
    }

    private MvcTestResult answer(String path, String outcome, String name, String comment, String rating) {
        var request = mvc.post().uri(path).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", outcome).param("name", name);
        if (comment != null) {
            request = request.param("comment", comment);
        }
        if (rating != null) {
            request = request.param("rating", rating);
        }
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an unknown link answers: the yardstick every refusal must equal. */
    private Refusal neutral() {
        return Refusal.of(open("/c/" + UUID.randomUUID() + "/" + "A".repeat(24)));
    }

    record Refusal(int status, String body) {
        static Refusal of(MvcTestResult result) {
            return new Refusal(result.getResponse().getStatus(), ConfirmationLinksTest.body(result));
        }
    }

    private String state(UUID id) {
        return jdbc.sql("select state from confirmation_confirmation where id = :id").param("id", id)
                .query(String.class).single();
    }

    @Test
    void aLinkOpensTheSentVersionAndTakesOneAnswerForItsPurposeOnce() {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        assertThat(sent.confirmation().state()).isEqualTo(ConfirmationState.SENT);
        assertThat(sent.url()).matches("https://crm\\.example\\.test/c/[0-9a-f-]{36}/[A-Za-z0-9_-]{24}");

        MvcTestResult page = open(path(sent));
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("请核对并确认", "需求分析报告 v1 · 上海测试有限公司", "客户跟进靠 Excel", "李娜",
                "第 1 版", "链接有效期至 2026-12-15 10:00（UTC+08:00）", "确认无误", "需要修改", "&lt;script&gt;x&lt;/script&gt;")
                .doesNotContain("<script>x");
        assertThat(state(sent.confirmation().id())).isEqualTo("VIEWED");

        MvcTestResult answered = answer(path(sent), "CONFIRMED", " 王伟 ", null, null);
        assertThat(answered).hasStatus3xxRedirection().hasRedirectedUrl("/c/done");
        assertThat(state(sent.confirmation().id())).isEqualTo("CONFIRMED");
        assertThat(events.stream(ConfirmationAnswered.class)).singleElement().satisfies(e -> {
            assertThat(e.confirmationId()).isEqualTo(sent.confirmation().id());
            assertThat(e.subjectType()).isEqualTo("TestDocument");
            assertThat(e.subjectVersion()).isEqualTo(1);
            assertThat(e.outcome()).isEqualTo(Purpose.Outcome.CONFIRMED);
            assertThat(e.answeredName()).isEqualTo("王伟");
        });
        assertThat(jdbc.sql("select kind from notification_message where recipient_id = :r").param("r", rep.id())
                .query(String.class).list()).containsExactly("confirmation.answered");

        // its purpose is done: reopened, the link shows the answer given, read-only, and takes no second answer
        MvcTestResult again = open(path(sent));
        assertThat(again).hasStatusOk();
        assertThat(body(again)).contains("您的答复", "致 王伟", "您已于 2026-12-01 10:00 确认第 1 版（签名：王伟）。",
                        "客户跟进靠 Excel", "此答复已记录")
                .doesNotContain("<form", "name=\"outcome\"", "链接有效期至", "此链接无效或已失效", "127.0.0.1", rep.username());
        // sent again (two tabs, Back and send), the same or another answer: the answer recorded, the first one kept
        for (String outcome : List.of("CONFIRMED", "CHANGES_REQUESTED")) {
            MvcTestResult second = answer(path(sent), outcome, "李四", "再改一下", null);
            assertThat(second).hasStatusOk();
            assertThat(body(second)).contains("您已于 2026-12-01 10:00 确认第 1 版（签名：王伟）。", "此答复已记录")
                    .doesNotContain("<form", "此链接无效或已失效", "李四");
        }
        assertThat(state(sent.confirmation().id())).isEqualTo("CONFIRMED");
        assertThat(events.stream(ConfirmationAnswered.class)).hasSize(1);
        // an answer does not expire with the link; a wrong token on its path is still refused like any other
        CLOCK.advance(Duration.ofDays(30));
        assertThat(body(open(path(sent)))).contains("您已于 2026-12-01 10:00 确认第 1 版");
        String token = path(sent).substring(path(sent).lastIndexOf('/') + 1);
        String wrong = "/c/" + sent.confirmation().id() + "/" + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThat(Refusal.of(open(wrong))).isEqualTo(neutral());
    }

    /**
     * Whoever answers is named in the owner's notice as they signed, and a name that is not the recipient's is said to
     * differ, as the confirmation's page says it: a needs analysis, minutes or an order's acceptance alike (every
     * confirmation's notice is this one).
     */
    @Test
    void theNoticeOfAnAnswerNamesWhoSignedAndSaysWhenItIsNotTheRecipientsName() {
        SentConfirmation other = send(Purpose.CONFIRM_DOCUMENT);
        assertThat(answer(path(other), "CONFIRMED", "李四", null, null)).hasStatus3xxRedirection();
        SentConfirmation same = send(Purpose.CONFIRM_DOCUMENT);
        assertThat(answer(path(same), "CHANGES_REQUESTED", " 王伟 ", "再改一下", null)).hasStatus3xxRedirection();
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        java.util.function.Function<String, List<String>> titles = language -> customers.json(mvc.get()
                .uri("/api/v1/notifications").header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()).get("items").findValuesAsString("title");
        assertThat(titles.apply("zh-CN")).containsExactlyInAnyOrder(
                "李四（与收件人姓名不一致，收件人：王伟） 已确认《需求分析报告 v1 · 上海测试有限公司》",
                "王伟 要求修改《需求分析报告 v1 · 上海测试有限公司》");
        assertThat(titles.apply("en")).contains(
                "李四 (not the recipient's name; sent to 王伟) confirmed \"需求分析报告 v1 · 上海测试有限公司\"");
    }

    @Test
    void expiredTamperedForeignAndWrongPurposeLinksAreRefusedAlikeWithoutRevealingAnything() {
        Refusal neutral = neutral();
        assertThat(neutral.status()).isEqualTo(404);
        assertThat(neutral.body()).contains("此链接无效或已失效");

        SentConfirmation x = send(Purpose.CONFIRM_DOCUMENT);
        SentConfirmation y = send(Purpose.CONFIRM_DOCUMENT);
        String token = path(x).substring(path(x).lastIndexOf('/') + 1);

        // tampered: one character of the token changed
        char last = token.charAt(token.length() - 1);
        String tampered = path(x).substring(0, path(x).length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(Refusal.of(open(tampered))).isEqualTo(neutral);
        assertThat(Refusal.of(answer(tampered, "CONFIRMED", "王伟", null, null))).isEqualTo(neutral);
        // foreign: X's token on Y's path
        String foreign = "/c/" + y.confirmation().id() + "/" + token;
        assertThat(Refusal.of(open(foreign))).isEqualTo(neutral);
        assertThat(Refusal.of(answer(foreign, "CONFIRMED", "王伟", null, null))).isEqualTo(neutral);
        // malformed ids and tokens
        assertThat(Refusal.of(open("/c/not-a-uuid/" + token))).isEqualTo(neutral);
        assertThat(Refusal.of(open("/c/" + x.confirmation().id() + "/short"))).isEqualTo(neutral);
        assertThat(state(x.confirmation().id())).isEqualTo("SENT");
        assertThat(state(y.confirmation().id())).isEqualTo("SENT");

        // expired: the default validity is over
        CLOCK.advance(Duration.ofDays(14));
        assertThat(Refusal.of(open(path(x)))).isEqualTo(neutral);
        assertThat(Refusal.of(answer(path(y), "CONFIRMED", "王伟", null, null))).isEqualTo(neutral);
        assertThat(confirmations.find(x.confirmation().id()).orElseThrow().state()).isEqualTo(ConfirmationState.EXPIRED);
        assertThat(state(y.confirmation().id())).isEqualTo("SENT");
        assertThat(events.stream(ConfirmationAnswered.class)).isEmpty();
    }

    @Test
    void anAnswerThePageDoesNotOfferIsRefused400WithTheFormSayingSoAndNothingIsRecorded() {
        SentConfirmation document = send(Purpose.CONFIRM_DOCUMENT);
        for (String[] offered : new String[][] {{"ACCEPTED", null}, {"RATED", "5"}}) {
            MvcTestResult refused = answer(path(document), offered[0], "王伟", null, offered[1]);
            assertThat(refused.getResponse().getStatus()).as(offered[0]).isEqualTo(400);
            assertThat(body(refused)).as(offered[0]).contains("此页面不提供该答复", "id=\"outcome-error\"",
                    "name=\"outcome\"", "value=\"CONFIRMED\"");
        }
        MvcTestResult english = mvc.post().uri(path(document)).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "ACCEPTED").param("name", "Wang Wei").exchange();
        assertThat(english.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(english)).contains("That answer is not one this page offers.");
        assertThat(answer(path(document), "MAYBE", "王伟", null, null).getResponse().getStatus())
                .as("no such answer at all").isEqualTo(400);

        SentConfirmation survey = send(Purpose.RATE);
        assertThat(answer(path(survey), "CONFIRMED", "王伟", null, null).getResponse().getStatus()).isEqualTo(400);

        assertThat(confirmations.find(document.confirmation().id()).orElseThrow().state()).as("no answer recorded")
                .isIn(ConfirmationState.SENT, ConfirmationState.VIEWED);
        assertThat(confirmations.find(survey.confirmation().id()).orElseThrow().state())
                .isIn(ConfirmationState.SENT, ConfirmationState.VIEWED);
        assertThat(events.stream(ConfirmationAnswered.class)).isEmpty();
        assertThat(answer(path(document), "CONFIRMED", "王伟", null, null)).as("the offered answer still taken")
                .hasStatus3xxRedirection();
    }

    @Test
    void aLinkToAnOlderVersionSaysItWasSupersededAndTheNewVersionNeedsItsOwnConfirmation() {
        SentConfirmation v1 = send(Purpose.CONFIRM_DOCUMENT, "report-7", 1, UUID.randomUUID());
        SentConfirmation v2 = tx.execute(s -> {
            assertThat(confirmations.supersede(ConfirmationSubject.of("TestDocument", "report-7", 2))).isEqualTo(1);
            return confirmations.request(new ConfirmationRequest(Purpose.CONFIRM_DOCUMENT,
                    ConfirmationSubject.of("TestDocument", "report-7", 2), report(2),
                    new Recipient(null, "王伟", null), rep.id(), rep.id(), null, null));
        });

        MvcTestResult old = open(path(v1));
        assertThat(old.getResponse().getStatus()).isEqualTo(410);
        assertThat(body(old)).contains("已有更新的版本").doesNotContain("客户跟进靠 Excel");
        MvcTestResult answeredOld = answer(path(v1), "CONFIRMED", "王伟", null, null);
        assertThat(answeredOld.getResponse().getStatus()).as("the holder of the link is told, as opening it tells")
                .isEqualTo(410);
        assertThat(body(answeredOld)).contains("已有更新的版本").doesNotContain("name=\"outcome\"");
        assertThat(state(v1.confirmation().id())).isEqualTo("SUPERSEDED");

        assertThat(open(path(v2))).hasStatusOk();
        assertThat(body(open(path(v2)))).contains("需求分析报告 v2", "第 2 版");
        assertThat(answer(path(v2), "CONFIRMED", "王伟", null, null)).hasStatus3xxRedirection();
        assertThat(confirmations.of("TestDocument", "report-7")).extracting(ConfirmationView::state)
                .containsExactly(ConfirmationState.CONFIRMED, ConfirmationState.SUPERSEDED);
    }

    @Test
    void aWithdrawnRequestsLinkSaysSoInTheContactsLanguageAndTakesNoAnswerWhileAnAnswerGivenStands() {
        SentConfirmation open = send(Purpose.CONFIRM_DOCUMENT, "doc-withdrawn", 1, UUID.randomUUID());
        SentConfirmation answered = send(Purpose.CONFIRM_DOCUMENT, "doc-withdrawn", 1, UUID.randomUUID());
        assertThat(answer(path(answered), "CONFIRMED", "王伟", null, null)).hasStatus3xxRedirection();

        Integer withdrawn = tx.execute(s -> confirmations.withdraw("TestDocument", "doc-withdrawn"));
        assertThat(withdrawn).as("the open one; the answered one stands").isEqualTo(1);

        MvcTestResult chinese = open(path(open));
        assertThat(chinese.getResponse().getStatus()).isEqualTo(410);
        assertThat(body(chinese)).contains("此确认请求已撤回", "需求分析报告 v1 · 上海测试有限公司")
                .doesNotContain("客户跟进靠 Excel", "name=\"outcome\"");
        assertThat(body(mvc.get().uri(path(open)).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()))
                .contains("This request was withdrawn");
        MvcTestResult answeredWithdrawn = answer(path(open), "CONFIRMED", "王伟", null, null);
        assertThat(answeredWithdrawn.getResponse().getStatus()).as("says so, as opening it does").isEqualTo(410);
        assertThat(body(answeredWithdrawn)).contains("此确认请求已撤回").doesNotContain("name=\"outcome\"");
        assertThat(confirmations.find(open.confirmation().id()).orElseThrow().state())
                .isEqualTo(ConfirmationState.WITHDRAWN);
        assertThat(body(open(path(answered)))).as("an answer given is not taken back")
                .contains("您已于 2026-12-01 10:00 确认第 1 版（签名：王伟）。");
        assertThat(events.stream(ConfirmationAnswered.class)).hasSize(1);
    }

    @Test
    void theRecordedHashIsTheSha256OfTheCanonicalFormOfTheSentSnapshot() throws Exception {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        answer(path(sent), "CHANGES_REQUESTED", "王伟", "预算应为 50 万元", null);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(report(1).canonicalJson().getBytes(StandardCharsets.UTF_8)));
        JsonNode api = fixtures.json(mvc.get().uri("/api/v1/confirmations/" + sent.confirmation().id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, rep.username())));
        assertThat(api.get("state").asString()).isEqualTo("CHANGES_REQUESTED");
        assertThat(api.get("documentSha256").asString()).isEqualTo(expected);
        assertThat(api.at("/answer/documentSha256").asString()).isEqualTo(expected);
        assertThat(api.at("/answer/name").asString()).isEqualTo("王伟");
        assertThat(api.at("/answer/nameMatchesRecipient").asBoolean()).isTrue();
        assertThat(api.at("/answer/comment").asString()).isEqualTo("预算应为 50 万元");
        assertThat(api.at("/answer/fromAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(api.at("/answer/at").asString()).isEqualTo(START.toString());
        assertThat(events.stream(ConfirmationAnswered.class)).singleElement()
                .satisfies(e -> assertThat(e.documentSha256()).isEqualTo(expected));
    }

    @Test
    void theContactMustTypeANameAndSayWhatToChangeAndNothingIsRecordedUntilTheyDo() {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        MvcTestResult noName = answer(path(sent), "CONFIRMED", "  ", null, null);
        assertThat(noName.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(noName)).contains("请输入您的姓名。");
        MvcTestResult noComment = answer(path(sent), "CHANGES_REQUESTED", "王伟", " ", null);
        assertThat(body(noComment)).contains("请写明需要修改的内容。");
        assertThat(state(sent.confirmation().id())).isEqualTo("VIEWED");

        // another name than the recipient's is recorded as typed and flagged for the rep
        assertThat(answer(path(sent), "CONFIRMED", "张三", null, null)).hasStatus3xxRedirection();
        assertThat(confirmations.find(sent.confirmation().id()).orElseThrow())
                .satisfies(v -> {
                    assertThat(v.answeredName()).isEqualTo("张三");
                    assertThat(v.nameMatchesRecipient()).isFalse();
                });
    }

    @Test
    void aRatingLinkTakesOneToFiveAndAnAcceptanceLinkAcceptsOrRejects() {
        SentConfirmation survey = send(Purpose.RATE);
        assertThat(body(open(path(survey)))).contains("请为我们的服务评分", "5 · 非常满意").doesNotContain("确认无误");
        assertThat(answer(path(survey), "RATED", "王伟", null, "6").getResponse().getStatus()).isEqualTo(422);
        assertThat(answer(path(survey), "RATED", "王伟", "响应很快", "4")).hasStatus3xxRedirection();
        assertThat(body(open(path(survey)))).contains("您已于 2026-12-01 10:00 提交评价（签名：王伟）。", "4 · 满意", "响应很快")
                .doesNotContain("name=\"rating\"");
        assertThat(confirmations.find(survey.confirmation().id()).orElseThrow())
                .satisfies(v -> {
                    assertThat(v.state()).isEqualTo(ConfirmationState.RATED);
                    assertThat(v.rating()).isEqualTo(4);
                });

        SentConfirmation quote = send(Purpose.ACCEPT_OR_REJECT);
        assertThat(body(open(path(quote)))).contains("接受", "拒绝");
        MvcTestResult notOffered = answer(path(quote), "CONFIRMED", "王伟", null, null);
        assertThat(notOffered.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(notOffered)).contains("此页面不提供该答复", "接受", "拒绝");
        assertThat(answer(path(quote), "REJECTED", "王伟", "价格太高", null)).hasStatus3xxRedirection();
        assertThat(state(quote.confirmation().id())).isEqualTo("REJECTED");
        assertThat(body(open(path(quote)))).contains("您已于 2026-12-01 10:00 拒绝第 1 版（签名：王伟）。", "价格太高")
                .doesNotContain("<form");
    }

    @Test
    void theLinkGoesToTheContactByEmailInChineseAndAsAQrCodeThatDecodesToIt() throws Exception {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        assertThat(sent.emailQueued()).isTrue();
        assertThat(deliveries.runOnce()).isEqualTo(1);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("wang.wei@customer.test");
        assertThat(mail.getSubject()).isEqualTo("【Lead2Cash】请确认：需求分析报告 v1 · 上海测试有限公司");
        String text = mail.getContent().toString();
        assertThat(text).contains("王伟，您好", rep.displayName(), "2026-12-15 10:00", sent.url());
        Matcher link = Pattern.compile("https://crm\\.example\\.test(/c/\\S+)").matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(open(link.group(1))).hasStatusOk();

        assertThat(sent.qrCodeDataUri()).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(sent.qrCodeDataUri().substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // a generated code on a screen is a pure barcode: the hint a phone's scanner needs no guessing for
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE,
                Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(sent.url());
    }

    @Test
    void aNewLinkForTheSameVersionAndContactIsTheSameConfirmationAndEarlierLinksKeepWorking() {
        UUID contact = UUID.randomUUID();
        SentConfirmation first = send(Purpose.CONFIRM_DOCUMENT, "doc-again", 1, contact);
        SentConfirmation again = send(Purpose.CONFIRM_DOCUMENT, "doc-again", 1, contact);
        assertThat(again.confirmation().id()).isEqualTo(first.confirmation().id());
        assertThat(again.url()).isNotEqualTo(first.url());

        JsonNode reissued = fixtures.json(mvc.post().uri("/api/v1/confirmations/" + first.confirmation().id() + "/links")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, rep.username())));
        String third = URI.create(reissued.at("/confirmation/url").asString()).getPath();
        assertThat(reissued.at("/confirmation/emailed").asBoolean()).isFalse();
        assertThat(open(path(first))).hasStatusOk();
        assertThat(open(third)).hasStatusOk();
        assertThat(answer(third, "CONFIRMED", "王伟", null, null)).hasStatus3xxRedirection();
        // the e-mailed link, answered through the QR code, shows the answer too
        assertThat(body(open(path(first)))).contains("您已于 2026-12-01 10:00 确认第 1 版（签名：王伟）。");
    }

    @Test
    void aLinkReplacedByARenewedOneStaysRefusedAfterTheAnswer() {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        SentConfirmation renewed = tx.execute(s -> confirmations.renewLink(sent.confirmation().id(), rep.id()));
        assertThat(Refusal.of(open(path(sent)))).isEqualTo(neutral());
        assertThat(answer(path(renewed), "CONFIRMED", "王伟", null, null)).hasStatus3xxRedirection();
        assertThat(body(open(path(renewed)))).contains("您已于 2026-12-01 10:00 确认第 1 版");
        assertThat(Refusal.of(open(path(sent)))).isEqualTo(neutral());
    }

    @Test
    void whetherAConfirmationWasMailedAndWhyNotIsWhatItsLinksRecordedAsTheyWereIssued() {
        SentConfirmation mailed = send(Purpose.CONFIRM_DOCUMENT);
        SentConfirmation noAddress = tx.execute(s -> confirmations.request(new ConfirmationRequest(
                Purpose.CONFIRM_DOCUMENT, ConfirmationSubject.of("TestDocument", "doc-" + (++counter), 1), report(1),
                new Recipient(UUID.randomUUID(), "李工", null), rep.id(), rep.id(), null, null)));
        assertThat(noAddress.emailNotSent()).isEqualTo(EmailNotSent.NO_ADDRESS);
        // a link renewed to pass on is never mailed; it changes neither answer
        tx.executeWithoutResult(s -> {
            confirmations.renewLink(mailed.confirmation().id(), rep.id());
            confirmations.renewLink(noAddress.confirmation().id(), rep.id());
        });

        java.util.Map<UUID, ConfirmationDelivery> found = confirmations.findAll(List.of(mailed.confirmation().id(),
                noAddress.confirmation().id(), UUID.randomUUID()));
        assertThat(found).hasSize(2);
        assertThat(found.get(mailed.confirmation().id()).email()).isEqualTo(new EmailDelivery(true, null));
        assertThat(found.get(noAddress.confirmation().id()).email())
                .isEqualTo(new EmailDelivery(false, EmailNotSent.NO_ADDRESS));
        assertThat(found.get(noAddress.confirmation().id()).confirmation().recipientName()).isEqualTo("李工");
        assertThat(jdbc.sql("select not_emailed_reason from confirmation_link where confirmation_id = :c "
                        + "order by issued_at, id").param("c", noAddress.confirmation().id()).query(String.class).list())
                .containsExactly("NO_ADDRESS", "NOT_REQUESTED");
    }

    @Test
    void theSameVersionSentToTheSameContactInAnotherLanguageReplacesTheOpenConfirmation() {
        UUID contact = UUID.randomUUID();
        SentConfirmation chinese = send(Purpose.CONFIRM_DOCUMENT, "doc-language", 1, contact);
        SentConfirmation english = tx.execute(s -> confirmations.request(new ConfirmationRequest(
                Purpose.CONFIRM_DOCUMENT, ConfirmationSubject.of("TestDocument", "doc-language", 1), report(1),
                new Recipient(contact, "王伟", "wang.wei@customer.test"), rep.id(), rep.id(), null,
                java.util.Locale.ENGLISH)));

        assertThat(english.confirmation().id()).isNotEqualTo(chinese.confirmation().id());
        assertThat(state(chinese.confirmation().id())).isEqualTo("SUPERSEDED");
        assertThat(confirmations.of("TestDocument", "doc-language")).extracting(ConfirmationView::state)
                .containsExactlyInAnyOrder(ConfirmationState.SENT, ConfirmationState.SUPERSEDED);
        assertThat(open(path(chinese)).getResponse().getStatus()).isEqualTo(410);
        assertThat(open(path(english))).hasStatusOk();
    }

    @Test
    void onlyPeopleWhoseScopeCoversTheOwnerSeeAConfirmationAndOnlyThoseAboveTheOwnerTheContactsAddress() throws Exception {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        User other = fixtures.user("other" + java.util.UUID.randomUUID().toString().substring(0, 8), fixtures.rootUnit(),
                LocalDate.of(2024, 1, 1), Role.SALES_REP);
        String uri = "/api/v1/confirmations/" + sent.confirmation().id();
        assertThat(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, other.username())))
                .hasStatus(404);
        assertThat(fixtures.json(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer "
                + fixtures.token(mvc, rep.username()))).at("/recipient/email").asString()).isEqualTo("wang.wei@customer.test");
        assertThat(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, "admin")))
                .hasStatusOk();
        // finance reads every confirmation, the contact's address masked: it stands above no owner (SPEC §1)
        User finance = fixtures.user("fin" + java.util.UUID.randomUUID().toString().substring(0, 8), fixtures.rootUnit(),
                LocalDate.of(2024, 1, 1), Role.FINANCE);
        assertThat(fixtures.json(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer "
                + fixtures.token(mvc, finance.username()))).at("/recipient/email").asString()).isEqualTo("w***@customer.test");
        assertThat(mvc.get().uri("/confirmations/" + sent.confirmation().id())
                .cookie(fixtures.session(mvc, finance.username(), Fixtures.PASSWORD)).exchange().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("w***@customer.test")
                .doesNotContain("wang.wei@customer.test");
        assertThat(mvc.post().uri(uri + "/links")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.token(mvc, other.username()))).hasStatus(404);
        assertThat(mvc.get().uri(uri)).hasStatus(401);
    }

    @Test
    void theRecipientsAddressFollowsTheContactEmailsFieldRuleAndAHiddenOneCanStillBeMailedAgain() throws Exception {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        String uri = "/api/v1/confirmations/" + sent.confirmation().id();
        String token = "Bearer " + fixtures.token(mvc, rep.username());
        customers.fieldRules(mvc, "[{\"role\":\"SALES_REP\",\"field\":\"CONTACT_EMAIL\",\"access\":\"HIDDEN\"}]");
        try {
            assertThat(fixtures.json(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token))
                    .at("/recipient/email").isNull()).isTrue();
            String page = mvc.get().uri("/confirmations/" + sent.confirmation().id())
                    .cookie(fixtures.session(mvc, rep.username(), Fixtures.PASSWORD)).exchange().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).doesNotContain("wang.wei@customer.test", "w***@customer.test").contains("/links?email=true");
            customers.fieldRules(mvc, "[{\"role\":\"SALES_REP\",\"field\":\"CONTACT_EMAIL\",\"access\":\"MASKED\"}]");
            assertThat(fixtures.json(mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token))
                    .at("/recipient/email").asString()).isEqualTo("w***@customer.test");
        } finally {
            customers.fieldRules(mvc, "[]");
        }
    }

    @Test
    void theAnonymousFormIsCsrfProtectedAndAnswersWithTheTokenItRendered() {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        MvcTestResult page = open(path(sent));
        Cookie session = page.getResponse().getCookie("SESSION");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body(page));
        assertThat(session).isNotNull();
        assertThat(csrf.find()).isTrue();

        assertThat(mvc.post().uri(path(sent)).cookie(session).param("outcome", "CONFIRMED").param("name", "王伟"))
                .hasStatus(403);
        assertThat(state(sent.confirmation().id())).isEqualTo("VIEWED");
        MvcTestResult answered = mvc.post().uri(path(sent)).cookie(session).param("_csrf", csrf.group(1))
                .param("outcome", "CONFIRMED").param("name", "王伟").exchange();
        assertThat(answered).hasStatus3xxRedirection().hasRedirectedUrl("/c/done");
        MvcTestResult thanks = mvc.get().uri("/c/done").header(HttpHeaders.ACCEPT_LANGUAGE, "en").cookie(session)
                .flashAttr("answeredState", ConfirmationState.CONFIRMED).flashAttr("answeredTitle", "X").exchange();
        assertThat(body(thanks)).contains("Thank you");
        assertThat(Refusal.of(open("/c/done"))).isEqualTo(neutral());
    }

    @Test
    void thePublicPageIsRateLimitedPerClientAddress() {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        int allowed = 1000;
        jdbc.sql("insert into confirmation_rate_window (client, window_start, hits) values ('10.9.9.9', :w, :h)")
                .param("w", java.sql.Timestamp.from(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))
                .param("h", allowed).update();
        MvcTestResult refused = mvc.get().uri(path(sent)).with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
        }).exchange();
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(state(sent.confirmation().id())).isEqualTo("SENT");
        // another address is not affected, and the next minute starts afresh
        assertThat(open(path(sent))).hasStatusOk();
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(mvc.get().uri(path(sent)).with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
        })).hasStatusOk();
    }

    @Test
    void theRepSeesTheDocumentAsSentTheAnswerWithItsEvidenceAndCanMakeANewLinkWhileItIsOpen() {
        SentConfirmation open = send(Purpose.CONFIRM_DOCUMENT);
        SentConfirmation answered = send(Purpose.CONFIRM_DOCUMENT);
        mvc.post().uri(path(answered)).header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (iPhone) MicroMessenger/8.0")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "CONFIRMED").param("name", "王 伟").exchange();
        Cookie session = fixtures.session(mvc, rep.username(), Fixtures.PASSWORD);
        for (String lang : new String[] {"zh-CN", "en"}) {
            String html = body(mvc.get().uri("/confirmations/" + answered.confirmation().id() + "?lang=" + lang)
                    .cookie(session).exchange());
            assertThat(html).doesNotContain("??").contains("客户跟进靠 Excel", "MicroMessenger/8.0", "127.0.0.1",
                    answered.confirmation().documentSha256()).doesNotContain("id=\"new-link\"");
        }
        assertThat(body(mvc.get().uri("/confirmations/" + answered.confirmation().id() + "?lang=zh-CN").cookie(session)
                .exchange())).contains("已确认", "王 伟").doesNotContain("与收件人姓名不一致");
        assertThat(body(mvc.get().uri("/confirmations/" + open.confirmation().id() + "?lang=zh-CN").cookie(session)
                .exchange())).contains("id=\"new-link\"", "待客户答复", "<span id=\"confirmation-links\">1</span>");

        String fragment = body(mvc.post().uri("/confirmations/" + open.confirmation().id() + "/links").cookie(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange());
        assertThat(fragment).contains("data:image/png;base64,", "https://crm.example.test/c/" + open.confirmation().id());
        assertThat(fragment).as("the page's count of links issued counts it at once, swapped out of band")
                .contains("<span id=\"confirmation-links\" hx-swap-oob=\"true\">2</span>");
        assertThat(body(mvc.post().uri("/confirmations/" + answered.confirmation().id() + "/links").cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange())).contains("此确认已结束").doesNotContain("data:image/png", "confirmation-links");
    }

    /**
     * Decision 0098: a recipient whose record names their language (a survey to a contact who prefers English) gets the
     * e-mail and the page in it, whatever their browser asks; their own ?lang= still switches.
     */
    @Test
    void aRecipientsNamedLanguageIsTheLanguageOfTheirEmailAndPageWhateverTheBrowserAsks() throws Exception {
        UUID contact = UUID.randomUUID();
        SentConfirmation english = tx.execute(s -> confirmations.request(new ConfirmationRequest(Purpose.RATE,
                ConfirmationSubject.of("TestDocument", "survey-en-" + contact, 1),
                new ConfirmationDocument("Satisfaction survey · SO-77", List.of(new ConfirmationDocument.Paragraph("",
                        "Please rate our service."))),
                new Recipient(contact, "John Smith", "john.smith@customer.test", java.util.Locale.ENGLISH), rep.id(),
                rep.id(), null, java.util.Locale.ENGLISH)));
        assertThat(deliveries.runOnce()).isEqualTo(1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("[Lead2Cash] How did we do? Satisfaction survey · SO-77");
        assertThat(mail.getContent().toString()).contains(english.url()).doesNotContain("您好");

        MvcTestResult page = open(path(english)); // the browser asks for Chinese
        assertThat(body(page)).contains("lang=\"en\"", "Please rate our service", "Satisfaction survey · SO-77")
                .doesNotContain("请为我们的服务评分");
        assertThat(body(mvc.get().uri(path(english) + "?lang=zh-CN").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()))
                .as("the reader's own pick still switches").contains("请为我们的服务评分");
        MvcTestResult refused = answer(path(english), "RATED", "John Smith", null, "9");
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).as("the form given back in the contact's language").contains("Please rate our service")
                .doesNotContain("请为我们的服务评分");
        // answered as the contact does, in the page's session: the thanks it is sent on to is in English too
        MvcTestResult form = open(path(english));
        Cookie session = form.getResponse().getCookie("SESSION");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(body(form));
        assertThat(csrf.find()).isTrue();
        MvcTestResult answered = mvc.post().uri(path(english)).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .cookie(session).param("_csrf", csrf.group(1)).param("outcome", "RATED").param("name", "John Smith")
                .param("rating", "4").param("comment", "Fine").exchange();
        assertThat(answered).hasStatus3xxRedirection().hasRedirectedUrl("/c/done").flash()
                .containsEntry("answeredLanguage", java.util.Locale.ENGLISH);
        MvcTestResult thanks = mvc.get().uri("/c/done").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN").cookie(session)
                .exchange();
        assertThat(body(thanks)).as("the thanks too").contains("Thank you for rating").doesNotContain("感谢");

        SentConfirmation chinese = tx.execute(s -> confirmations.request(new ConfirmationRequest(Purpose.RATE,
                ConfirmationSubject.of("TestDocument", "survey-zh-" + contact, 1), report(1),
                new Recipient(UUID.randomUUID(), "王伟", null, java.util.Locale.SIMPLIFIED_CHINESE), rep.id(), rep.id(),
                null, null)));
        assertThat(body(mvc.get().uri(path(chinese)).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()))
                .as("named Chinese: Chinese for an English browser").contains("请为我们的服务评分")
                .doesNotContain("Please rate our service");
    }

    @Test
    void thePageIsEnglishForAnEnglishBrowser() {
        SentConfirmation sent = send(Purpose.CONFIRM_DOCUMENT);
        String html = body(mvc.get().uri(path(sent)).header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9").exchange());
        assertThat(html).contains("Please check and confirm", "Ask for changes", "Version 1", "客户跟进靠 Excel");
        assertThat(answer(path(sent), "CONFIRMED", "Wang Wei", null, null)).hasStatus3xxRedirection();
        assertThat(body(mvc.get().uri(path(sent)).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()))
                .contains("Your answer", "You confirmed version 1 on 2026-12-01 10:00 (typed name &quot;Wang Wei&quot;).");
        assertThat(body(mvc.get().uri("/c/" + UUID.randomUUID() + "/" + "B".repeat(24))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange())).contains("This link cannot be opened");
    }
}
