package com.lead2cash.aftersales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.aftersales.internal.AftersalesListeners;
import com.lead2cash.confirmation.Confirmations;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.order.OrderAccepted;
import com.lead2cash.testing.AftersalesTestSupport;
import com.lead2cash.testing.AftersalesTestSupport.Service;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.SalesTestSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The satisfaction survey after a delivery's acceptance (验收后满意度调查): who is asked, whose work it rates,
 * and that an acceptance heard twice asks once.
 */
@IntegrationTest
class AcceptanceSurveyTest {

    @Autowired MockMvcTester mvc;
    @Autowired AftersalesTestSupport support;
    @Autowired CustomerTestSupport customers;
    @Autowired ContractTestSupport contracts;
    @Autowired AftersalesListeners listeners;
    @Autowired JdbcClient jdbc;
    @Autowired Confirmations confirmations;
    @Autowired SalesTestSupport sales;

    /** An order's acceptance as the order module announces it, heard by after-sales (no order or contract behind it). */
    void accepted(UUID order, UUID contract, String customer, UUID rep, UUID contact, String productLine) {
        listeners.orderAccepted(new OrderAccepted(order, "SO-" + order.toString().substring(0, 6),
                contract, UUID.fromString(customer), LocalDate.of(2026, 12, 5), rep, contact, productLine));
    }

    /** The survey sent for the order: rep, product line, confirmation; waits until it is there. */
    java.util.Map<String, Object> surveyOf(UUID order) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select count(*) from aftersales_survey where occasion = 'ORDER_ACCEPTED' and subject_id = :o")
                .param("o", order).query(Integer.class).single() == 1);
        return jdbc.sql("select rep_id, product_line, confirmation_id from aftersales_survey where subject_id = :o")
                .param("o", order).query().singleRow();
    }

    @Test
    void theContactWhoAcceptedOnlineIsAskedToRateTheOrdersRepOnce() {
        Service s = support.service("asv1");
        String customer = support.customer(s.rep(), "杭州验收调查一号科技有限公司");
        UUID contact = UUID.fromString(support.contactOf(customer));
        UUID order = UUID.randomUUID();

        accepted(order, UUID.randomUUID(), customer, s.rep().id(), contact, "安防");

        var survey = surveyOf(order);
        assertThat(survey.get("rep_id")).isEqualTo(s.rep().id());
        assertThat(survey.get("product_line")).isEqualTo("安防");
        ConfirmationView sent = confirmations.find((UUID) survey.get("confirmation_id")).orElseThrow();
        assertThat(sent.purpose()).isEqualTo(Purpose.RATE);
        assertThat(sent.recipientContactId()).isEqualTo(contact);

        accepted(order, UUID.randomUUID(), customer, s.rep().id(), contact, "安防");
        UUID other = UUID.randomUUID();
        accepted(other, UUID.randomUUID(), customer, s.rep().id(), contact, null);
        surveyOf(other); // the later acceptance is heard after the repeated one: by then the repeat has been handled
        assertThat(jdbc.sql("select count(*) from aftersales_survey where subject_id = :o").param("o", order)
                .query(Integer.class).single()).as("an acceptance heard twice asks once").isEqualTo(1);
    }

    /**
     * Decision 0098: the survey asks in its contact's language — a contact created with language en gets it in English
     * (the document, the e-mail's language, the page its link opens), one with none in Chinese, whatever the browser.
     */
    @Test
    void aContactWhoPrefersEnglishIsSurveyedInEnglishAndOneWithoutALanguageInChinese() throws Exception {
        Service s = support.service("asvLang");
        String customer = support.customer(s.rep(), "杭州验收调查语言科技有限公司");
        UUID chinese = UUID.fromString(support.contactOf(customer));
        String repToken = customers.bearer(mvc, s.rep());
        UUID english = UUID.fromString(customers.postJson(mvc, repToken, "/api/v1/customers/" + customer + "/contacts",
                "{\"name\":\"John Smith\",\"email\":\"john.smith@example.test\",\"language\":\"en\"}")
                .get("id").asString());
        UUID toEnglish = UUID.randomUUID();
        UUID toChinese = UUID.randomUUID();

        accepted(toEnglish, UUID.randomUUID(), customer, s.rep().id(), english, null);
        accepted(toChinese, UUID.randomUUID(), customer, s.rep().id(), chinese, null);

        ConfirmationView en = confirmations.find((UUID) surveyOf(toEnglish).get("confirmation_id")).orElseThrow();
        ConfirmationView zh = confirmations.find((UUID) surveyOf(toChinese).get("confirmation_id")).orElseThrow();
        assertThat(en.recipientContactId()).isEqualTo(english);
        assertThat(en.title()).startsWith("Satisfaction survey · SO-");
        assertThat(zh.title()).startsWith("服务满意度调查 · SO-");
        assertThat(jdbc.sql("select locale || ' ' || recipient_language from confirmation_confirmation where id = :c")
                .param("c", en.id()).query(String.class).single()).as("the e-mail's language, the page's").isEqualTo("en en");
        assertThat(jdbc.sql("select locale || ' ' || recipient_language from confirmation_confirmation where id = :c")
                .param("c", zh.id()).query(String.class).single()).isEqualTo("zh-CN zh-CN");

        String englishPage = page(surveyLink(repToken, toEnglish), "zh-CN");
        assertThat(englishPage).as("English for a browser asking Chinese")
                .contains("Please rate our service", "Satisfaction survey · SO-").doesNotContain("请为我们的服务评分");
        String chinesePage = page(surveyLink(repToken, toChinese), "en");
        assertThat(chinesePage).as("Chinese for a browser asking English")
                .contains("请为我们的服务评分", "服务满意度调查 · SO-").doesNotContain("Please rate our service");
    }

    /** A fresh link to the survey of an order, as the rep's API gives it to pass on. */
    private String surveyLink(String repToken, UUID order) {
        UUID surveyId = jdbc.sql("select id from aftersales_survey where subject_id = :o").param("o", order)
                .query(UUID.class).single();
        return customers.json(SalesTestSupport.expect(contracts.post(mvc, repToken,
                "/api/v1/satisfaction/surveys/" + surveyId + "/link", null), 200)).at("/confirmation/url").asString();
    }

    /** The public page a link opens, for a browser asking {@code browser}. */
    private String page(String url, String browser) throws Exception {
        var opened = mvc.get().uri(java.net.URI.create(url).getPath())
                .header(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, browser).exchange();
        assertThat(opened).hasStatusOk();
        return opened.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void acceptedOnAnUploadedFormTheSurveyGoesToTheKeyContactHandedOverWithTheContract() {
        Service s = support.service("asv2");
        String customer = support.customer(s.rep(), "杭州验收调查二号科技有限公司");
        String handoverId = support.signed(customer, s.rep(), "HT-ASV2");
        String rep = contracts.bearer(mvc, s.rep());
        JsonNode h = customers.getJson(mvc, rep, "/api/v1/handovers/" + handoverId);
        h = customers.json(SalesTestSupport.expect(customers.put(mvc, rep, "/api/v1/handovers/" + handoverId + "/checklist", """
                {"background":"制造业客户","serviceNeeds":"季度巡检","specialAgreements":"无","keyContacts":"王经理（采购）",
                 "version":%d}""".formatted(h.get("version").asLong())), 200));
        SalesTestSupport.expect(contracts.post(mvc, rep, "/api/v1/handovers/" + handoverId + "/hand-over",
                "{\"serviceOwnerId\":\"%s\",\"version\":%d}".formatted(s.afterSales().id(), h.get("version").asLong())), 200);
        UUID contract = jdbc.sql("select contract_id from aftersales_handover where id = :h")
                .param("h", UUID.fromString(handoverId)).query(UUID.class).single();
        UUID order = UUID.randomUUID();

        accepted(order, contract, customer, s.rep().id(), null, null);

        var survey = surveyOf(order);
        assertThat(confirmations.find((UUID) survey.get("confirmation_id")).orElseThrow().recipientContactId())
                .isEqualTo(UUID.fromString(support.contactOf(customer)));
        assertThat(survey.get("product_line")).isNull();
    }

    @Test
    void acceptedOnThePaperFormWithoutAHandoverTheSurveyGoesToTheCustomersPrimaryContact() {
        Service s = support.service("asv4");
        String customer = support.customer(s.rep(), "杭州验收调查四号科技有限公司");
        UUID order = UUID.randomUUID();

        // no contact accepted online, no handover of the contract or the customer
        accepted(order, UUID.randomUUID(), customer, s.rep().id(), null, null);

        var survey = surveyOf(order);
        assertThat(confirmations.find((UUID) survey.get("confirmation_id")).orElseThrow().recipientContactId())
                .isEqualTo(UUID.fromString(support.contactOf(customer)));
        assertThat(survey.get("rep_id")).isEqualTo(s.rep().id());
    }

    @Test
    void aSurveyThatWasNotMailedSaysSoAndWhyOnTheCustomersCardAndOffersALinkToPassOn() throws Exception {
        Service s = support.service("asv5");
        String customer = support.customer(s.rep(), "杭州验收调查五号科技有限公司"); // 王经理 has an e-mail address
        UUID order = UUID.randomUUID();

        accepted(order, UUID.randomUUID(), customer, s.rep().id(), UUID.fromString(support.contactOf(customer)), null);

        surveyOf(order);
        UUID surveyId = jdbc.sql("select id from aftersales_survey where subject_id = :o").param("o", order)
                .query(UUID.class).single();
        // this context has no mail server: nothing went out although the contact has an address
        String panel = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=en")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(panel).contains("survey-" + surveyId, "survey-no-email", "no mail server is configured",
                        "survey-renew-link")
                .as("what to do, in the reader's words, not the setting's name").contains("Copy the link and pass it on")
                .doesNotContain("by e-mail.", "survey-emailed", "??", "spring.mail");
        String zh = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=zh-CN")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zh).contains("未配置邮件服务器", "待客户答复").doesNotContain("已通过邮件发送", "??", "spring.mail");

        JsonNode renewed = customers.json(SalesTestSupport.expect(contracts.post(mvc, contracts.bearer(mvc, s.rep()),
                "/api/v1/satisfaction/surveys/" + surveyId + "/link", null), 200)).get("confirmation");
        assertThat(renewed.get("emailed").asBoolean()).isFalse();
        assertThat(renewed.get("emailNotSentReason").asString()).as("a renewed link is never mailed")
                .isEqualTo("NOT_REQUESTED");
        String after = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=en")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(after).as("the card still says why the survey was not mailed, not that a link was renewed")
                .contains("no mail server is configured");
        assertThat(jdbc.sql("select not_emailed_reason from confirmation_link l join aftersales_survey s "
                        + "on s.confirmation_id = l.confirmation_id where s.id = :s order by l.issued_at, l.id")
                .param("s", surveyId).query(String.class).list()).as("each link's reason, recorded as it was issued")
                .containsExactly("NO_MAIL_SERVER", "NOT_REQUESTED");
    }

    /** The path of a link to the public page; GET it as the contact does, without signing in. */
    int opens(String url) {
        return mvc.get().uri(java.net.URI.create(url).getPath()).exchange().getResponse().getStatus();
    }

    /**
     * Walk finding: the survey's card named whoever answered with no word that it was not the recipient, while the
     * confirmation lists mark such an answer ("与收件人姓名不一致"). The card marks it alike and says whom it was sent to.
     */
    @Test
    void aSurveyAnsweredWithANameNotTheRecipientsSaysSoOnTheCard() throws Exception {
        Service s = support.service("asv9");
        String customer = sales.customerWithContact(s.rep(), "杭州验收调查九号科技有限公司", "李工", null);
        UUID contact = UUID.fromString(support.contactOf(customer));
        UUID order = UUID.randomUUID();
        accepted(order, UUID.randomUUID(), customer, s.rep().id(), contact, "安防");
        surveyOf(order);
        UUID surveyId = jdbc.sql("select id from aftersales_survey where subject_id = :o").param("o", order)
                .query(UUID.class).single();
        String url = customers.json(SalesTestSupport.expect(contracts.post(mvc, contracts.bearer(mvc, s.rep()),
                "/api/v1/satisfaction/surveys/" + surveyId + "/link", null), 200)).get("confirmation").get("url").asString();
        assertThat(mvc.post().uri(java.net.URI.create(url).getPath())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "RATED").param("name", "王代答").param("rating", "4")
                .exchange()).hasStatus3xxRedirection();
        String en = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=en")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(en).contains("survey-" + surveyId, "Answered by 王代答 on", "survey-name-differs",
                "not the recipient name", "Sent to 李工.");
        String zh = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=zh-CN")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(zh).contains("survey-name-differs", "与收件人姓名不一致", "收件人：李工").doesNotContain("??");
    }

    @Test
    void aContactWithoutEmailIsAskedThroughALinkTheRepRenewsAndEachNewLinkEndsTheOldOne() throws Exception {
        Service s = support.service("asv3");
        String customer = sales.customerWithContact(s.rep(), "杭州验收调查三号科技有限公司", "李工", null);
        UUID contact = UUID.fromString(support.contactOf(customer));
        UUID order = UUID.randomUUID();

        accepted(order, UUID.randomUUID(), customer, s.rep().id(), contact, "安防");

        var survey = surveyOf(order);
        UUID surveyId = jdbc.sql("select id from aftersales_survey where subject_id = :o").param("o", order)
                .query(UUID.class).single();
        ConfirmationView sent = confirmations.find((UUID) survey.get("confirmation_id")).orElseThrow();
        assertThat(sent.recipientContactId()).as("asked although there is no address to e-mail").isEqualTo(contact);
        // an integrator finds the survey's id where the card shows it: the customer's surveys, or the order's one
        String repToken = customers.bearer(mvc, s.rep());
        String surveys = "/api/v1/satisfaction/surveys?customerId=" + customer;
        JsonNode listed = customers.getJson(mvc, repToken, surveys).get("items");
        assertThat(listed).singleElement().satisfies(v -> {
            assertThat(v.get("id").asString()).isEqualTo(surveyId.toString());
            assertThat(v.get("occasion").asString()).isEqualTo("ORDER_ACCEPTED");
            assertThat(v.get("subjectId").asString()).isEqualTo(order.toString());
            assertThat(v.get("state").asString()).isEqualTo("SENT");
            assertThat(v.get("emailed").asBoolean()).isFalse();
            assertThat(v.get("rating").isNull()).isTrue();
            assertThat(v.get("availableActions").valueStream().map(JsonNode::asString)).containsExactly("RENEW_LINK");
        });
        assertThat(customers.getJson(mvc, repToken, surveys + "&subjectId=" + order).get("items")).hasSize(1);
        assertThat(customers.getJson(mvc, repToken, surveys + "&subjectId=" + UUID.randomUUID()).get("items")).isEmpty();
        assertThat(customers.get(mvc, customers.bearer(mvc, s.otherRep()), surveys))
                .as("a customer outside the reader's scope: 404, as its surveys' links").hasStatus(404);
        assertThat(customers.get(mvc, repToken, "/api/v1/satisfaction/surveys")).as("whose surveys, named")
                .hasStatus(400);
        assertThat(sent.recipientEmail()).isNull();
        for (String lang : java.util.List.of("zh-CN", "en")) {
            String panel = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=" + lang)
                    .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                            java.nio.charset.StandardCharsets.UTF_8);
            assertThat(panel).as("the customer's after-sales card shows it with its new-link action")
                    .contains("survey-" + surveyId, "survey-renew-link", "/aftersales/surveys/" + surveyId + "/link",
                            "survey-no-email").doesNotContain("??");
            assertThat(panel).as("why it was not mailed").containsAnyOf("李工 has no e-mail address", "李工 没有邮箱地址");
        }

        String rep = contracts.bearer(mvc, s.rep());
        String path = "/api/v1/satisfaction/surveys/" + surveyId + "/link";
        JsonNode first = customers.json(SalesTestSupport.expect(contracts.post(mvc, rep, path, null), 200))
                .get("confirmation");
        assertThat(first.get("emailed").asBoolean()).isFalse();
        String firstUrl = first.get("url").asString();
        assertThat(opens(firstUrl)).isEqualTo(200);
        String secondUrl = customers.json(SalesTestSupport.expect(contracts.post(mvc, rep, path, null), 200))
                .get("confirmation").get("url").asString();
        assertThat(secondUrl).isNotEqualTo(firstUrl);
        assertThat(opens(firstUrl)).as("a renewed link ends the one given out before").isEqualTo(404);
        assertThat(opens(secondUrl)).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from confirmation_link where confirmation_id = :c and revoked_at is null")
                .param("c", sent.id()).query(Integer.class).single()).as("one live link: the last one").isEqualTo(1);

        SalesTestSupport.expect(contracts.post(mvc, contracts.bearer(mvc, s.otherRep()), path, null), 404);
        SalesTestSupport.expect(contracts.post(mvc, contracts.bearer(mvc, s.afterSales()), path, null), 404);
        SalesTestSupport.expect(contracts.post(mvc, rep, "/api/v1/satisfaction/surveys/" + UUID.randomUUID() + "/link",
                null), 404);
        assertThat(opens(secondUrl)).as("a refused renewal changes nothing").isEqualTo(200);
        String renewed = mvc.post().uri("/aftersales/surveys/" + surveyId + "/link")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(renewed).as("the card's new link, shown once with its QR code and copy action")
                .contains("confirmation-url", "confirmation-qr", "data-copy-link", "this link is for you to pass on")
                .doesNotContain("no address, or no mail server");
        String shown = java.util.regex.Pattern.compile("id=\"confirmation-url\"[^>]*value=\"([^\"]+)\"")
                .matcher(renewed).results().map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(opens(secondUrl)).isEqualTo(404);
        secondUrl = shown;
        assertThat(opens(secondUrl)).isEqualTo(200);

        assertThat(mvc.post().uri(java.net.URI.create(secondUrl).getPath())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("outcome", "RATED").param("name", "李工").param("rating", "5").param("comment", "很好")
                .exchange()).hasStatus3xxRedirection();
        SalesTestSupport.expect(contracts.post(mvc, rep, path, null), 422);
        String answered = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=en")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answered).as("an answered survey stays on the card and offers no new link")
                .contains("survey-" + surveyId).doesNotContain("survey-renew-link");
        assertThat(answered).as("it says who answered, when, and the rating — not that no e-mail went out")
                .contains("survey-answered").containsPattern("Answered by 李工 on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d: rated 5 of 5\\.")
                .doesNotContain("survey-no-email", "has no e-mail address", "pass it on", "survey-name-differs");
        String answeredZh = mvc.get().uri("/aftersales/customers/" + customer + "/panel?lang=zh-CN")
                .cookie(customers.session(mvc, s.rep())).exchange().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answeredZh).containsPattern("李工 已于 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 作答：评分 5 分（满分 5 分）。")
                .doesNotContain("未发送邮件", "没有邮箱地址", "??");
        var refused = mvc.post().uri("/aftersales/surveys/" + surveyId + "/link?lang=en")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .cookie(customers.session(mvc, s.rep())).exchange();
        assertThat(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("a card left open refuses in place with the survey's reason").contains("alert-danger")
                .doesNotContain("confirmation-url");
        assertThat(mvc.post().uri("/aftersales/surveys/" + surveyId + "/link")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .cookie(customers.session(mvc, s.otherRep())).exchange()).as("out of scope, never a hint").hasStatus(404);
    }
}
