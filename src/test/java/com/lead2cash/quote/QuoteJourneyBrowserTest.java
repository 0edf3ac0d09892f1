package com.lead2cash.quote;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.lead2cash.platform.Role;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.MutableClock;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline board and a quote in the browser: a card dragged past the evaluation gate is refused in
 * place and allowed after a passing evaluation (O1); the rep builds a quote above their discount limit,
 * the manager approves it (Q2), the rep sends it and the customer accepts it through the link on a phone,
 * which moves the opportunity to negotiation.
 */
@TestPropertySource(properties = {"l2c.lead.jobs-delay=1h", "l2c.notification.poll-interval=1h"})
class QuoteJourneyBrowserTest extends BrowserTestCase {

    // Tuesday 10:00 in Shanghai
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();
    @Autowired
    Fixtures fixtures;

    private JsonNode api(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return fixtures.mapper().readTree(response.body());
    }

    private String token(String username) throws Exception {
        return api("POST", "/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}").get("token").asString();
    }

    private Page signIn(String username) {
        return signIn(browser.newPage("zh-CN"), username);
    }

    @Test
    void aCardPassesTheGateAfterItsEvaluationAndAQuoteAboveTheRepsLimitIsApprovedSentAndAccepted() throws Exception {
        String base = base();
        UUID unit = fixtures.unit("华东（报价测试）");
        fixtures.appointManager(unit, fixtures.user("board.lead", unit, LocalDate.of(2019, 3, 1), Role.REGIONAL_MANAGER).id());
        fixtures.user("board.rep", unit, LocalDate.of(2022, 3, 1), Role.SALES_REP);
        UUID tech = fixtures.user("board.tech", fixtures.rootUnit(), LocalDate.of(2021, 3, 1), Role.TECH_SUPPORT).id();
        fixtures.user("board.dir", fixtures.rootUnit(), LocalDate.of(2018, 3, 1), Role.SALES_DIRECTOR);
        String rep = token("board.rep");
        String customerId = api("POST", "/api/v1/customers", rep, "{\"name\":\"苏州园区智造有限公司\",\"industry\":\"制造业\"}")
                .get("id").asString();
        api("POST", "/api/v1/customers/" + customerId + "/contacts", rep,
                "{\"name\":\"陈静\",\"title\":\"采购经理\",\"email\":\"chen.jing@customer.test\",\"role\":\"DECISION_MAKER\"}");
        String opportunityId = api("POST", "/api/v1/opportunities", rep, """
                {"customerId":"%s","name":"园区门禁改造","amount":200000,"expectedCloseDate":"2026-12-31","productLines":["安防"]}"""
                .formatted(customerId)).get("id").asString();
        api("POST", "/api/v1/products", token("board.dir"),
                "{\"code\":\"GW-B1\",\"name\":\"工业网关\",\"unit\":\"台\",\"productLine\":\"安防\",\"listPrice\":2000,\"taxRate\":13}");

        // the board: dragged past the evaluation gate, the card stays and says why
        Page page = signIn("board.rep");
        page.navigate(base + "/opportunities");
        String card = "#card-" + opportunityId;
        assertThat(page.locator("#list-DISCOVERY " + card)).isVisible();
        page.locator(card).dragTo(page.locator("#list-PROPOSAL"));
        assertThat(page.locator(card + " .card-refusal")).isVisible();
        assertThat(page.locator("#list-DISCOVERY " + card)).isVisible();

        // the panel scores it (rep, manager, invited tech support): it qualifies (O1, O2)
        String scores = "{\"needMatch\":8,\"competitiveStrength\":8,\"paymentRisk\":8,\"resourceInvestment\":8,\"comment\":\"可做\"}";
        api("POST", "/api/v1/opportunities/" + opportunityId + "/evaluation-invitations", rep,
                "{\"inviteeId\":\"" + tech + "\"}");
        api("POST", "/api/v1/opportunities/" + opportunityId + "/evaluations", rep, scores);
        api("POST", "/api/v1/opportunities/" + opportunityId + "/evaluations", token("board.lead"), scores);
        api("POST", "/api/v1/opportunities/" + opportunityId + "/evaluations", token("board.tech"), scores);
        page.navigate(base + "/opportunities");
        assertThat(page.locator("#list-EVALUATION " + card)).isVisible();
        // the card moves at once in the page; the board the server answers is waited for before the next drag
        page.waitForResponse(r -> r.url().endsWith("/move"),
                () -> page.locator(card).dragTo(page.locator("#list-PROPOSAL")));
        assertThat(page.locator("#list-PROPOSAL " + card)).isVisible();
        assertThat(page.locator(card + " .card-refusal")).hasCount(0);
        // dragged back a stage, the board asks first: cancelled, the card stays; confirmed, it moves back
        String[] asked = new String[1];
        page.onceDialog(dialog -> {
            asked[0] = dialog.message();
            dialog.dismiss();
        });
        // cancelled, the board comes back as the server has it
        page.waitForResponse(r -> r.url().contains("/opportunities") && "GET".equals(r.request().method()),
                () -> page.locator(card).dragTo(page.locator("#list-EVALUATION")));
        assertThat(page.locator("#list-PROPOSAL " + card)).isVisible();
        org.assertj.core.api.Assertions.assertThat(asked[0]).isEqualTo("确定把这个商机退回到更早的阶段吗？");
        page.onceDialog(dialog -> dialog.accept());
        page.waitForResponse(r -> r.url().endsWith("/move"),
                () -> page.locator(card).dragTo(page.locator("#list-EVALUATION")));
        assertThat(page.locator("#list-EVALUATION " + card)).isVisible();
        assertThat(page.locator(card + " .card-refusal")).hasCount(0);
        page.waitForResponse(r -> r.url().endsWith("/move"),
                () -> page.locator(card).dragTo(page.locator("#list-PROPOSAL")));
        assertThat(page.locator("#list-PROPOSAL " + card)).isVisible();
        // on a phone the card's menu moves it: back a stage, it asks too (walk 55c)
        Page phoneBoard = signIn(browser.newPage("zh-CN", 390, 844), "board.rep");
        phoneBoard.navigate(base + "/opportunities");
        String[] phoneAsked = new String[1];
        phoneBoard.onceDialog(dialog -> {
            phoneAsked[0] = dialog.message();
            dialog.dismiss();
        });
        phoneBoard.selectOption(card + " form.board-move select[name=stage]", "EVALUATION");
        phoneBoard.click(card + " form.board-move button[type=submit]");
        assertThat(phoneBoard.locator("#list-PROPOSAL " + card)).isVisible();
        org.assertj.core.api.Assertions.assertThat(phoneAsked[0]).isEqualTo("确定把这个商机退回到更早的阶段吗？");
        phoneBoard.context().close();

        // a quote with 10 % off: above the rep's 5 %
        page.navigate(base + "/opportunities/" + opportunityId);
        page.click("#new-quote");
        page.selectOption("#line-product-0", new com.microsoft.playwright.options.SelectOption().setLabel("GW-B1 工业网关 · 2,000.00"));
        // on a phone (390 px) the chosen product stays readable: the line table scrolls instead (walk 54b, finding 12)
        Page narrow = signIn(browser.newPage("zh-CN", 390, 844), "board.rep");
        narrow.navigate(page.url());
        narrow.selectOption("#line-product-0", new com.microsoft.playwright.options.SelectOption().setLabel("GW-B1 工业网关 · 2,000.00"));
        org.assertj.core.api.Assertions.assertThat(narrow.locator("#line-product-0").boundingBox().width)
                .as("the product picker's width at 390 px").isGreaterThanOrEqualTo(240);
        narrow.context().close();
        page.fill("#line-quantity-0", "10");
        page.fill("#line-discount-0", "10");
        page.fill("#paymentTerms", "预付 30 %，验收后 70 %");
        page.click("#save-quote");
        assertThat(page.locator("#quote-total")).hasText("20,340.00");
        page.click("#submit-quote");
        assertThat(page.locator("#quote-status")).hasText("审批中");
        String quoteUrl = page.url();

        // the line manager approves it
        Page manager = signIn("board.lead");
        manager.navigate(quoteUrl);
        manager.click("#quote-approval");
        manager.check("input[name=decision][value=APPROVE]");
        manager.fill("#comment", "折扣在可接受范围");
        manager.click("#decide");
        manager.navigate(quoteUrl);
        assertThat(manager.locator("#quote-status")).hasText("已批准");

        // the rep sends it; the customer accepts it on a phone through the link
        page.navigate(quoteUrl);
        assertThat(page.locator("#quote-review")).containsText("折扣在可接受范围");
        page.click("#send-quote");
        // the link on a page of its own (post-redirect-get): a reload goes back to the quote and sends nothing again
        assertThat(page).hasURL(quoteUrl + "/sent");
        String link = page.locator("#confirmation-url").inputValue();
        page.reload();
        assertThat(page).hasURL(quoteUrl);
        assertThat(page.locator("#confirmation-url")).hasCount(0);
        Page phone = browser.newPhonePage("zh-CN");
        phone.navigate(link);
        assertThat(phone.locator(".confirmation-document")).containsText("工业网关");
        phone.fill("#name", "陈静");
        phone.click("#answer-ACCEPTED");
        assertThat(phone.locator("#answered")).isVisible();

        // the answer reaches the quote after its commit (an event listener): the rep's page shows it on a reload
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            page.navigate(quoteUrl);
            return "客户已接受".equals(page.locator("#quote-status").textContent().strip());
        });
        assertThat(page.locator("#quote-status")).hasText("客户已接受");
        page.navigate(base + "/opportunities/" + opportunityId);
        assertThat(page.locator("#opportunity-stage")).hasText("谈判");
        assertThat(page.locator("#opportunity-amount")).containsText("20,340.00");
    }
}
