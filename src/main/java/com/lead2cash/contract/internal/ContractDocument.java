package com.lead2cash.contract.internal;

import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractSection;
import com.lead2cash.contract.internal.domain.Placeholders;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.Pdf;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The contract as a printed document (合同文本): the platform's PDF mechanism with the contract template,
 * always in Chinese — the contract's language, whoever reads it. A draft carries a 草稿 mark; a submitted
 * contract's PDF is rendered once per review round and kept, so what is signed is what was approved.
 */
@Component
public class ContractDocument {

    static final String TEMPLATE = "contract/pdf";
    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final Pdf pdf;

    ContractDocument(Pdf pdf) {
        this.pdf = pdf;
    }

    /** The PDF of the contract as it stands now (a draft's; a submitted contract serves its kept copy instead). */
    public byte[] pdf(Contract c) {
        return render(c);
    }

    byte[] render(Contract c) {
        return pdf.render(TEMPLATE, model(c), LANGUAGE);
    }

    public String html(Contract c) {
        return pdf.html(TEMPLATE, model(c), LANGUAGE);
    }

    /** A clause as printed: 第一条 合同主体, then its paragraphs. */
    public record PrintedClause(String ordinal, String heading, List<String> paragraphs) {
    }

    static Map<String, Object> model(Contract c) {
        Map<String, Object> model = new HashMap<>();
        model.put("contract", c);
        model.put("draft", c.status().editable());
        model.put("amount", Placeholders.money(c.amount()));
        model.put("amountInWords", c.amountInWords());
        List<PrintedClause> clauses = new ArrayList<>();
        int n = 1;
        for (ContractSection s : c.sections()) {
            clauses.add(new PrintedClause("第" + chineseOrdinal(n++) + "条", s.heading(), List.of(s.body().split("\n"))));
        }
        model.put("clauses", clauses);
        model.put("totals", c.lineTotals());
        model.put("figures", new Figures());
        return model;
    }

    /** Numbers as the screens print them: money with thousands and two places, a percentage. */
    public static final class Figures {
        public String money(BigDecimal amount) {
            return amount == null ? "" : MoneyText.of(amount);
        }

        public String percent(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString() + " %";
        }
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (clauses number up to 99). */
    static String chineseOrdinal(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(digits.charAt(ones)));
    }
}
