package com.lead2cash.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.CustomerTestSupport;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.MutableClock;
import com.lead2cash.testing.PrintedPages;
import com.lead2cash.testing.SalesTestSupport;
import com.lead2cash.testing.TestClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The quote's PDF keeps every column and stays on the page whatever the text: a product name of 200 characters
 * without a space (the catalogue's limit) and terms with long unbroken runs wrap inside their cell, and emoji and
 * ideographs beyond the BMP in a name keep their characters in the text layer, not "#" (docs/decisions/0108).
 */
@IntegrationTest
@Import(TestClock.class)
class QuotePdfLayoutTest {

    /** 200 characters, no space, no place a line may break. */
    private static final String LONG_NAME = "GATEWAY-" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(6).substring(0, 192);

    @Autowired MockMvcTester mvc;
    @Autowired CustomerTestSupport customers;
    @Autowired SalesTestSupport sales;
    @Autowired MutableClock clock;

    @BeforeEach
    void resetClock() {
        clock.set(TestClock.START);
    }

    /** A rep's quote, by its id. */
    private record Printed(String rep, String id) {
    }

    /** A quote of the rep's on two products named as given, 10 of the first at 13 %, 2 of the second at 6 %. */
    private Printed quote(String tag, String firstName, String secondName, String deliveryPeriod, String paymentTerms) {
        var team = sales.team(tag);
        String rep = sales.bearer(mvc, team.rep());
        String customer = sales.customerWithContact(team.rep(), "杭州示例科技有限公司" + tag, "王伟", "wang@" + tag + ".test");
        String opportunity = sales.opportunity(mvc, rep, customer, "园区安防升级", "300000").get("id").asString();
        sales.qualify(mvc, team, opportunity);
        sales.move(mvc, rep, opportunity, "PROPOSAL");
        String first = sales.product(mvc, team, "GW-" + tag, firstName, "1000.00", "13");
        String second = sales.product(mvc, team, "SV-" + tag, secondName, "500.00", "6");
        JsonNode quote = customers.json(SalesTestSupport.expect(customers.post(mvc, rep, "/api/v1/quotes", """
                {"opportunityId":"%s","lines":[{"productId":"%s","quantity":10},{"productId":"%s","quantity":2}],
                "validUntil":"2026-12-31","deliveryPeriod":"%s","paymentTerms":"%s"}"""
                .formatted(opportunity, first, second, deliveryPeriod, paymentTerms)), 201));
        return new Printed(rep, quote.get("id").asString());
    }

    private byte[] pdf(Printed quote, String locale) {
        var result = customers.get(mvc, quote.rep(), "/api/v1/quotes/" + quote.id() + "/pdf?locale=" + locale);
        assertThat(result).hasStatus(200);
        return result.getResponse().getContentAsByteArray();
    }

    @Test
    void aTwoHundredCharacterNameAndLongTermsWrapInsideTheirCellsAndNoColumnIsLost() {
        String delivery = "合同签订后" + "D".repeat(120) + "天内交货";
        String payment = "预付30%" + "P".repeat(150) + "验收后付清";
        Printed q = quote("pdfwrap", LONG_NAME, "安装调试服务", delivery, payment);

        byte[] chinese = pdf(q, "zh-CN");
        List<String> lines = List.of(PrintedPages.text(chinese).split("\\R"));
        assertThat(lines).as("every column's heading").contains("# 编码 产品 数量 单价 折扣 税率 金额");
        assertThat(lines).as("every line's quantity, price, discount, tax rate and amount")
                .anyMatch(l -> l.endsWith("10 台 1,000.00 0 % 13 % 10,000.00"))
                .anyMatch(l -> l.endsWith("安装调试服务 2 台 500.00 0 % 6 % 1,000.00"));
        assertThat(PrintedPages.joinedText(chinese)).as("the long name and terms whole, wrapped")
                .contains(LONG_NAME, delivery, payment, "12,360.00");
        assertThat(PrintedPages.outsideTheMargins(chinese)).as("nothing printed off the page").isEmpty();

        byte[] english = pdf(q, "en");
        assertThat(PrintedPages.joinedText(english)).contains("Quantity", "Unit price", "Discount", "Tax rate", "Amount",
                LONG_NAME, "10,000.00", "1,000.00");
        assertThat(PrintedPages.outsideTheMargins(english)).isEmpty();
    }

    @Test
    void emojiAndIdeographsBeyondTheBmpInANameKeepTheirCharactersInTheTextLayer() {
        Printed q = quote("pdfemoji", "智能网关😀🚀", "𠀀𪚥安装服务", "30 天", "预付 30 %");

        String text = PrintedPages.text(pdf(q, "zh-CN"));

        assertThat(text).contains("智能网关😀🚀", "𠀀𪚥安装服务");
    }
}
