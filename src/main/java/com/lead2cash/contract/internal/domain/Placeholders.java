package com.lead2cash.contract.internal.domain;

import com.lead2cash.platform.ChineseCapitals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a contract template may use ({{buyer.name}}, {{contract.amountInWords}} …) and how a
 * clause is filled: from the contract's own terms, and from the customer, quote and minutes the draft
 * came from. A value that is not known stays as its placeholder, so the clause shows what is still to
 * be filled and the contract cannot be submitted until it is.
 */
public final class Placeholders {

    /** Every placeholder a template may use, with what it is. */
    public static final Map<String, String> KNOWN;

    static {
        Map<String, String> known = new LinkedHashMap<>();
        known.put("seller.name", "our company (卖方)");
        known.put("buyer.name", "the customer (买方)");
        known.put("buyer.taxId", "the customer's unified social credit code");
        known.put("buyer.address", "the customer's address");
        known.put("buyer.representative", "the customer's authorised representative");
        known.put("contract.number", "the contract number");
        known.put("contract.title", "the contract title");
        known.put("contract.amount", "the amount in figures");
        known.put("contract.amountInWords", "the amount in Chinese capitals");
        known.put("contract.termStart", "the first day of the term");
        known.put("contract.termEnd", "the last day of the term");
        known.put("contract.milestones", "the payment milestones, one a line");
        known.put("contract.lines", "the products and quantities, one a line");
        known.put("quote.number", "the accepted quote's number");
        known.put("quote.deliveryPeriod", "the quote's delivery period");
        known.put("quote.paymentTerms", "the quote's payment terms");
        known.put("quote.total", "the accepted quote's total with tax");
        known.put("minutes.agreedPrice", "the price agreed in the negotiation minutes");
        known.put("minutes.deliveryStandard", "the delivery standard agreed in the minutes");
        known.put("minutes.liability", "the liability agreed in the minutes");
        KNOWN = Map.copyOf(known);
    }

    /**
     * What a placeholder is, for the template check and the submit check alike: {{name}}. Other text
     * in braces ({{7*7}}, in a template or in a customer's name) is text.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private Placeholders() {
    }

    /** Anything in double braces, as a template's author may have meant a placeholder by it. */
    private static final Pattern IN_BRACES = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    /**
     * What a template's text holds in double braces that is no placeholder a contract can fill: a typo
     * ({{buyer.nme}}) or something else ({{7*7}}, {{买方名称}}). In a template double braces are for placeholders
     * only, so legal never publishes one that a draft would print as it stands. Empty braces are named as
     * they are written, {{}}: an empty name would read "Unknown placeholders: .". (The refusal names them as a
     * {@code ListText}, which bounds how many and how long.)
     */
    public static Set<String> unknownIn(String text) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = IN_BRACES.matcher(text == null ? "" : text);
        while (m.find()) {
            String inside = m.group(1).strip();
            if (inside.isEmpty()) {
                unknown.add("{{}}");
            } else if (!KNOWN.containsKey(inside)) {
                unknown.add(inside);
            }
        }
        return unknown;
    }

    /** The known placeholders a text still holds: what filling left for want of a value. */
    public static Set<String> unfilledIn(String text) {
        Set<String> unfilled = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (KNOWN.containsKey(m.group(1))) {
                unfilled.add(m.group(1));
            }
        }
        return unfilled;
    }

    /** The text with every known value in place; missing ones stay "{{name}}". */
    public static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "{{" + m.group(1) + "}}" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The values of a contract's terms, beside those the draft took from its sources. */
    static Map<String, String> of(Contract c, Map<String, String> sources) {
        Map<String, String> values = new LinkedHashMap<>(sources);
        values.put("seller.name", c.sellerName());
        values.put("buyer.name", c.buyerName());
        values.put("buyer.taxId", c.buyerTaxId());
        values.put("buyer.address", c.buyerAddress());
        values.put("buyer.representative", c.buyerRepresentative());
        values.put("contract.number", c.number());
        values.put("contract.title", c.title());
        values.put("contract.amount", money(c.amount()));
        values.put("contract.amountInWords", c.amount() == null ? null : ChineseCapitals.of(c.amount()));
        values.put("contract.termStart", date(c.termStart()));
        values.put("contract.termEnd", date(c.termEnd()));
        values.put("contract.milestones", milestones(c.milestones()));
        values.put("contract.lines", lines(c.lines(), LineTotals.of(c.lines(), c.amount(), sources.get(QUOTE_TAX))));
        return values;
    }

    /** 1200000 → 1,200,000.00 */
    public static String money(BigDecimal amount) {
        return amount == null ? null : com.lead2cash.platform.MoneyText.of(amount);
    }

    static String date(LocalDate day) {
        return day == null ? null : day.getYear() + " 年 " + day.getMonthValue() + " 月 " + day.getDayOfMonth() + " 日";
    }

    private static String milestones(List<PaymentMilestone> milestones) {
        if (milestones.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < milestones.size(); i++) {
            PaymentMilestone m = milestones.get(i);
            text.append(i + 1).append(". ").append(MILESTONE_NAMES.get(m.type().name())).append("：人民币 ")
                    .append(money(m.amount())).append(" 元（").append(ChineseCapitals.of(m.amount())).append("），");
            if (m.dueCondition() != null) {
                text.append(m.dueCondition());
            }
            if (m.dueDate() != null) {
                text.append(m.dueCondition() == null ? "于 " : "，最迟于 ").append(date(m.dueDate())).append(" 前支付");
            }
            text.append(i + 1 < milestones.size() ? "；\n" : "。");
        }
        return text.toString();
    }

    /**
     * The lines as the quote document prints them — price, discount, the line's total without tax — and
     * below them the sums from there to the contract amount ({@link LineTotals}): without tax, the quote's
     * tax, with tax, and what was agreed off (or on) since, so the clause adds up to the amount the contract states.
     */
    static String lines(List<ContractLine> lines, LineTotals totals) {
        if (lines.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            ContractLine l = lines.get(i);
            text.append(i + 1).append(". ").append(l.productName())
                    .append(l.specification() == null ? "" : "（" + l.specification() + "）").append(" × ")
                    .append(l.quantity().stripTrailingZeros().toPlainString()).append(l.unit() == null ? "" : " " + l.unit())
                    .append("，单价人民币 ").append(money(l.unitPrice())).append(" 元");
            if (l.discountPercent() != null && l.discountPercent().signum() != 0) {
                text.append("，折扣 ").append(l.discountPercent().stripTrailingZeros().toPlainString()).append(" %");
            }
            text.append("，小计人民币 ").append(money(l.lineTotal())).append(" 元（不含税）；\n");
        }
        text.append("以上不含税合计人民币 ").append(money(totals.withoutTax())).append(" 元");
        if (totals.tax() != null) {
            text.append("，税额人民币 ").append(money(totals.tax())).append(" 元，价税合计人民币 ")
                    .append(money(totals.withTax())).append(" 元");
        }
        if (totals.adjustment() != null) {
            text.append(switch (totals.adjustment().kind()) {
                case AGREED_OFF -> "，商定优惠人民币 ";
                case AGREED_ON -> "，商定调增人民币 ";
                case TAX_AND_ADJUSTMENTS -> "，税费及调整人民币 ";
            }).append(money(totals.adjustment().amount())).append(" 元");
        }
        if (totals.amount() != null) {
            text.append("，合同金额人民币 ").append(money(totals.amount())).append(" 元");
        }
        return text.append("。").toString();
    }

    /** The accepted quote's tax (plain, two places) among the draft's source values: not a placeholder. */
    public static final String QUOTE_TAX = "quote.tax";

    /** How the contract text names each kind of milestone (the text is Chinese, like the contract). */
    private static final Map<String, String> MILESTONE_NAMES = Map.of("PREPAYMENT", "预付款", "ON_DELIVERY", "到货款",
            "INSTALLMENT", "分期款", "ACCEPTANCE", "验收款", "RETENTION", "质保金");
}
