package com.lead2cash.order;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lead2cash.platform.internal.identity.User;
import com.lead2cash.testing.Browser;
import com.lead2cash.testing.BrowserTestCase;
import com.lead2cash.testing.ContractTestSupport;
import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.SignedContracts;
import com.lead2cash.testing.TestClock;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * From a signed contract to cash in the bank, in a real browser (issue 16): the rep creates the order on
 * the contract's page with its products prefilled, operations ships it with the waybill, the rep records
 * a delay, the goods arrive and the customer's contact accepts them online through the link on a phone;
 * finance records the receipts on the payment plans' pages, every plan is paid and the contract's
 * collected figure reaches 100 %. The signed contract and its payment milestones are set up over the API.
 */
@TestPropertySource(properties = {"l2c.lead.jobs-delay=1h", "l2c.notification.poll-interval=1h",
        "l2c.lead.routines.enabled=false", "l2c.customer.routines.enabled=false", "l2c.notification.digest.enabled=false"})
@AutoConfigureMockMvc
@Import(TestClock.class)
class OrderToCashBrowserTest extends BrowserTestCase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvcTester mvc;
    @Autowired ContractTestSupport support;
    @Autowired SignedContracts contracts;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;

    private Page as(User user) {
        return signIn(browser.newPage("zh-CN"), user.username());
    }

    @Test
    void anOrderFromTheSignedContractIsShippedDelayedAcceptedOnlineAndPaidInFull() {
        ContractTestSupport.Reviewers r = support.reviewers("o2c", CustomerTestSupport.HIRED.minusYears(10));
        String product = sales.product(mvc, r.team(), "GW-O2C", "工业网关 GW-O2C", "60000.00", "13");
        JsonNode contract = contracts.sign(mvc, r, "杭州回款全程科技有限公司", "600000.00", """
                {"type":"PREPAYMENT","amount":180000.00,"dueDate":"2026-12-20"},
                {"type":"ACCEPTANCE","amount":420000.00,"dueCondition":"验收合格后 30 日内"}""", "2026-12-01");
        String contractId = contract.get("id").asString();
        String repToken = customers.bearer(mvc, r.rep());
        String contactId = customers.postJson(mvc, repToken, "/api/v1/customers/" + contract.get("customerId").asString()
                + "/contacts", "{\"name\":\"王伟\",\"title\":\"设备部经理\",\"email\":\"wang.wei@customer.test\",\"role\":\"USER\"}")
                .get("id").asString();
        String base = base();

        // the rep: "create order" on the contract's page, the product and quantity from the contract
        Page rep = as(r.rep());
        rep.navigate(base + "/contracts/" + contractId);
        Browser.awaitHtmx(rep);
        rep.click("#create-order");
        rep.selectOption("#product-0", product);
        rep.fill("#quantity-0", "10");
        rep.fill("#consignee", "王经理");
        rep.fill("#consigneePhone", "13800000000");
        rep.fill("#promisedDate", "2026-12-20");
        rep.click("#save-order");
        assertThat(rep.locator("#address + .invalid-feedback")).hasText("请填写收货地址。");
        assertThat(rep.locator("#consignee")).hasValue("王经理");
        rep.fill("#address", "杭州市西湖区文三路 1 号");
        rep.click("#save-order");
        assertThat(rep.locator("#order-status")).hasText("已创建");
        assertThat(rep.locator("#progress-deadline")).containsText("2026-12-08");
        String orderUrl = rep.url();

        // operations ships all ten with the waybill
        Page operations = as(r.operations());
        operations.navigate(orderUrl);
        operations.fill("#ship-quantity", "10");
        operations.fill("#ship-carrier", "顺丰速运");
        operations.fill("#ship-waybill", "SF1234567890");
        operations.fill("#ship-date", "2026-12-01");
        operations.click("#ship");
        assertThat(operations.locator("#order-status")).hasText("已发货");
        assertThat(operations.locator("#shipment-1")).containsText("SF1234567890");
        // D2: a waybill given on the ship day gave the carrier no business day's notice — met late (0122)
        assertThat(operations.locator("#shipment-1 .waybill-deadline")).containsText("运单号逾期登记");

        // a week later the rep records a delay (the customer has no mail server here: the rep tells them)
        clock.set(LocalDateTime.parse("2026-12-08T10:00").atZone(SHANGHAI).toInstant());
        rep.navigate(orderUrl);
        rep.fill("#delay-date", "2026-12-27");
        rep.fill("#delay-reason", "客户现场未具备安装条件");
        rep.click("#record-delay");
        assertThat(rep.locator("#flash-success")).containsText("请于今天告知客户");
        assertThat(rep.locator("#promises")).containsText("2026-12-27");
        assertThat(rep.locator("#promises")).containsText("客户现场未具备安装条件");
        rep.click("#customer-told");
        assertThat(rep.locator("#promises")).containsText("已告知客户");

        // the goods arrive; the customer's contact accepts them online through the link, on a phone
        rep.click("#deliver");
        assertThat(rep.locator("#order-status")).hasText("已到货");
        assertThat(rep.locator("#send-acceptance-form")).isVisible();
        rep.selectOption("#acceptance-contact", contactId);
        rep.click("#send-acceptance");
        rep.waitForSelector("#confirmation-sent");
        // the link on a page of its own (post-redirect-get), which a reload does not send again
        assertThat(rep).hasURL(java.util.regex.Pattern.compile(".*/orders/[0-9a-f-]+/acceptance/sent$"));
        String link = rep.locator("#confirmation-url").inputValue();
        Page phone = browser.newPhonePage("zh-CN");
        phone.navigate(link);
        assertThat(phone.locator(".confirmation-document")).containsText("工业网关 GW-O2C");
        phone.fill("#name", "王伟");
        phone.click("#answer-CONFIRMED");
        assertThat(phone.locator("#answered")).isVisible();
        rep.click("#back-to-order");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            rep.reload();
            return "已验收".equals(rep.locator("#order-status").textContent());
        });
        assertThat(rep.locator("#acceptance")).containsText("王伟");
        rep.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/order-accepted.png")).setFullPage(true));

        // finance records the receipts on each plan's page; every plan is paid
        List<String> plans = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            plans.clear();
            customers.getJson(mvc, repToken, "/api/v1/receivables?contractId=" + contractId).get("items")
                    .forEach(p -> plans.add(p.get("id").asString()));
            return plans.size() == 2;
        });
        Page finance = as(r.finance());
        for (String plan : plans) {
            finance.navigate(base + "/receivables/" + plan);
            finance.fill("#receipt-payer", "杭州回款全程科技有限公司");
            finance.fill("#receipt-reference", "CCB-" + plan.substring(plan.length() - 12)); // one transfer a plan: the id's random end
            finance.click("#record-receipt button[type=submit]");
            assertThat(finance.locator("#flash-success")).isVisible();
            assertThat(finance.locator("#plan-state")).hasText("已回款");
        }

        // the contract's figures: collected 100 %, both plans paid; the contract's page lists the accepted order
        finance.navigate(base + "/receivables/contracts/" + contractId + "/figures");
        assertThat(finance.locator(".collected")).containsText("已回款 600,000.00（100%）");
        assertThat(finance.locator(".paid-plans")).containsText("已回款 2/2 期");
        rep.navigate(base + "/contracts/" + contractId);
        Browser.awaitHtmx(rep);
        assertThat(rep.locator("#contract-orders")).containsText("已验收");
        assertThat(rep.locator("#contract-collected")).containsText("100.00");
        assertThat(rep.locator("#contract-plans-paid")).hasText("2/2");

        // finance's workbench on a phone: a receipt left to allocate, of a payer named without a break, fits the screen
        customers.postJson(mvc, customers.bearer(mvc, r.finance()), "/api/v1/receipts", """
                {"customerId":"%s","amount":42920.00,"receivedOn":"2026-12-01","method":"BANK_TRANSFER",
                 "payer":"HANGZHOU-HUIKUAN-QUANCHENG-TECHNOLOGY-COMPANY-LIMITED-ACCOUNTS-PAYABLE"}"""
                .formatted(contract.get("customerId").asString()));
        Page financePhone = signIn(browser.newPage("zh-CN", 390, 844), r.finance().username());
        financePhone.navigate(base + "/receivables");
        assertThat(financePhone.locator("#receipts-to-allocate")).containsText("42,920.00");
        org.assertj.core.api.Assertions.assertThat(((Number) financePhone.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("sideways scroll of /receivables at 390 px (walk 55b)").isLessThanOrEqualTo(0);
        financePhone.context().close();
    }
}
