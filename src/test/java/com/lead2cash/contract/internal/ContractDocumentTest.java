package com.lead2cash.contract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import com.lead2cash.contract.internal.domain.SectionKey;
import com.lead2cash.testing.IntegrationTest;
import com.lead2cash.testing.PrintedPages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The contract's PDF (合同文本) as the reader extracts it again. */
@IntegrationTest
class ContractDocumentTest {

    @Autowired ContractDocument document;

    /** A draft on the core clauses, the scope clause listing the lines, kept the quote's tax as drafting does. */
    static Contract draft(String amount, String quoteTax) {
        return draft(amount, quoteTax, "工业网关", "杭州甲方科技有限公司", "合同签订后 7 日内");
    }

    /** The same draft with the first line's product, the buyer and the prepayment's condition as given. */
    static Contract draft(String amount, String quoteTax, String productName, String buyerName, String dueCondition) {
        List<Contract.TemplateClause> clauses = Arrays.stream(SectionKey.values()).filter(SectionKey::core)
                .map(k -> new Contract.TemplateClause(k.name(), k.name(), k == SectionKey.SCOPE
                        ? "乙方提供下列产品：\n{{contract.lines}}" : "第 " + k.ordinal() + " 条的约定。"))
                .toList();
        List<ContractLine> lines = List.of(
                new ContractLine(UUID.randomUUID(), "GW-100", productName, "GW-100", "台", new BigDecimal("10"),
                        new BigDecimal("1000.00"), new BigDecimal("10"), new BigDecimal("9000.00")),
                new ContractLine(UUID.randomUUID(), "SV-1", "安装服务", null, "次", new BigDecimal("1"),
                        new BigDecimal("1000.00"), BigDecimal.ZERO, new BigDecimal("1000.00")));
        UUID owner = UUID.randomUUID();
        return Contract.draft(new Contract.Draft("工业网关采购合同", UUID.randomUUID(), UUID.randomUUID(), null, null, null,
                owner, new BigDecimal(amount), RiskLevel.LOW, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30),
                buyerName, null, "乙方有限公司", clauses, Map.of("quote.tax", quoteTax),
                List.of(new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal(amount), null, dueCondition)),
                lines), "HT-2026-000001", owner, LocalDate.of(2036, 12, 3), LocalDate.of(2026, 12, 3),
                Instant.parse("2026-12-03T03:00:00Z"));
    }

    static List<String> textLines(byte[] pdf) throws Exception {
        try (var d = Loader.loadPDF(pdf)) {
            return List.of(new PDFTextStripper().getText(d).split("\\R"));
        }
    }

    @Test
    void theProductTableShowsEachLinesDiscountAndTheSumsOfTheScopeClauseDownToTheContractAmount() throws Exception {
        // 9 000.00 (10 % off 10 000.00) + 1 000.00 without tax, the quote's 1 300.00 tax, 11 300.00 with it; 11 000.00 agreed
        Contract c = draft("11000.00", "1300.00");

        List<String> text = textLines(document.pdf(c));

        assertThat(text).as("the table's rows: price, discount, the amount without tax")
                .contains("工业网关 GW-100 10 台 1,000.00 10 % 9,000.00", "安装服务 1 次 1,000.00 0 % 1,000.00");
        int first = text.indexOf(text.stream().filter(l -> l.startsWith("不含税合计")).findFirst().orElseThrow());
        List<String> totals = text.subList(first, first + 5);
        assertThat(totals).containsExactly("不含税合计 10,000.00", "税额 1,300.00", "价税合计 11,300.00",
                "商定优惠 300.00", "合同金额（元） 11,000.00");
        assertThat(String.join("\n", text)).as("the scope clause states the same sums")
                .contains("以上不含税合计人民币 10,000.00 元，税额人民币 1,300.00 元，价税合计人民币 11,300.00 元，");
    }

    @Test
    void atTheQuotesTotalNothingWasAgreedOffAndTheTotalsEndAtTheAmount() throws Exception {
        List<String> text = textLines(document.pdf(draft("11300.00", "1300.00")));

        int first = text.indexOf(text.stream().filter(l -> l.startsWith("不含税合计")).findFirst().orElseThrow());
        assertThat(text.subList(first, first + 4)).containsExactly("不含税合计 10,000.00", "税额 1,300.00",
                "价税合计 11,300.00", "合同金额（元） 11,300.00");
        assertThat(text).noneMatch(l -> l.startsWith("商定"));
    }

    @Test
    void aTwoHundredCharacterNameAndALongConditionWrapInsideTheirCellsAndNoColumnIsLost() throws Exception {
        String name = "GATEWAY-" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(6).substring(0, 192);
        String condition = "合同签订后" + "Z".repeat(150) + "日内";
        byte[] pdf = document.pdf(draft("11000.00", "1300.00", name, "杭州甲方科技有限公司", condition));

        List<String> text = textLines(pdf);
        String joined = String.join("", text);
        assertThat(joined).as("every column's heading")
                .contains("产品 规格型号 数量 单位 单价（元） 折扣 小计（不含税，元）", "节点 金额（元） 付款时间");
        assertThat(text).as("each line's quantity, unit, price, discount and amount")
                .anyMatch(l -> l.endsWith("10 台 1,000.00 10 % 9,000.00"))
                .anyMatch(l -> l.equals("安装服务 1 次 1,000.00 0 % 1,000.00"));
        assertThat(text).as("the milestone's node on one line beside its amount").anyMatch(l -> l.startsWith("预付款 11,000.00 "));
        assertThat(joined).as("the name in the scope clause, the condition, whole").contains("1. " + name + "（GW-100）", condition);
        assertThat(PrintedPages.outsideTheMargins(pdf)).as("nothing printed off the page").isEmpty();
    }

    @Test
    void emojiAndIdeographsBeyondTheBmpInTheBuyersAndAProductsNameKeepTheirCharactersInTheTextLayer() throws Exception {
        String text = String.join("\n", textLines(document.pdf(draft("11000.00", "1300.00", "智能网关😀🚀",
                "𠀀𪚥👨\u200D👩\u200D👧科技有限公司", "合同签订后 7 日内"))));

        assertThat(text).contains("智能网关😀🚀", "𠀀𪚥👨\u200D👩\u200D👧科技有限公司").doesNotContain("#");
    }
}
