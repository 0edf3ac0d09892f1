package com.lead2cash.invoice.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.testing.RefusalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Issuing an approved invoice request (开票): what {@link Invoice#issue} refuses, and in which order. */
class InvoiceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant REQUESTED = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    static Invoice approved() {
        Invoice inv = Invoice.request("INV-1", UUID.randomUUID(), "HT-1", UUID.randomUUID(), UUID.randomUUID(),
                InvoiceType.VAT_SPECIAL, "上海测试有限公司", "91310000MA1FL8TQ3X", "上海市 021-12345678",
                "工商银行 6222000000000000", new BigDecimal("1000.00"),
                List.of(new InvoiceLine("软件服务费", new BigDecimal("1000.00"), new BigDecimal("6"))),
                new BigDecimal("5000.00"), UUID.randomUUID(), REQUESTED);
        inv.decided(true, REQUESTED);
        return inv;
    }

    /** Answers "not taken" and remembers what it was asked. */
    static final class Register implements BiPredicate<String, String> {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean test(String code, String number) {
            asked.add(code + " " + number);
            return false;
        }
    }

    private static String field(Throwable e) {
        return ((FieldValidationException) e).errors().get(0).field();
    }

    @Test
    void aDateOutsideTheRequestDayAndTodayIsRefusedBeforeTheNumberRegisterIsAsked() {
        Register register = new Register();
        for (LocalDate day : List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6))) {
            Invoice inv = approved();
            assertThatThrownBy(() -> inv.issue("12345678901234567890", null, register, day, UUID.randomUUID(),
                    SHANGHAI, NOW)).as(day.toString()).isInstanceOf(FieldValidationException.class)
                    .satisfies(e -> assertThat(field(e)).isEqualTo("invoicedOn"));
            assertThat(inv.status()).isEqualTo(InvoiceStatus.APPROVED);
        }
        assertThat(register.asked).as("no database question for a date the invoice itself refuses").isEmpty();
    }

    @Test
    void aValidInvoiceAsksTheRegisterOnceAndIsIssued() {
        Register register = new Register();
        Invoice inv = approved();
        inv.issue(" 12345678 ", "031001900111", register, LocalDate.of(2026, 12, 1), UUID.randomUUID(), SHANGHAI, NOW);
        assertThat(register.asked).containsExactly("031001900111 12345678");
        assertThat(inv.status()).isEqualTo(InvoiceStatus.ISSUED);
    }

    @Test
    void fullWidthDigitsTypedInAChineseInputMethodAreReadAndKeptAsAsciiDigits() {
        Register register = new Register();
        Invoice paper = approved();
        paper.issue("１２３４５６７８", "０３１００１９００１１１", register, LocalDate.of(2026, 12, 1), UUID.randomUUID(),
                SHANGHAI, NOW);
        assertThat(paper.invoiceNumber()).isEqualTo("12345678");
        assertThat(paper.invoiceCode()).isEqualTo("031001900111");
        Invoice digital = approved();
        digital.issue(" １２３４５６７８９０１２３４５６７８９０ ", null, register, LocalDate.of(2026, 12, 1), UUID.randomUUID(),
                SHANGHAI, NOW);
        assertThat(digital.invoiceNumber()).isEqualTo("12345678901234567890");
        assertThat(register.asked).as("the register is asked in ASCII, as numbers are stored")
                .containsExactly("031001900111 12345678", " 12345678901234567890");
    }

    @Test
    void aNumberAnotherInvoiceCarriesIsRefusedAndTheInvoiceStaysApproved() {
        Invoice inv = approved();
        assertThatThrownBy(() -> inv.issue("12345678901234567890", null, (code, number) -> true,
                LocalDate.of(2026, 12, 5), UUID.randomUUID(), SHANGHAI, NOW))
                .satisfies(e -> assertThat(field(e)).isEqualTo("invoiceNumber"));
        assertThat(inv.status()).isEqualTo(InvoiceStatus.APPROVED);
    }

    @Test
    void aRedReversalOfAnInvoiceNotIssuedNamesItsStateInWordsNotItsCode() {
        Invoice inv = approved();
        assertThatThrownBy(() -> inv.redReverse("开错了", UUID.randomUUID(), NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).contains("“Approved”").doesNotContain("APPROVED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("“已批准”").doesNotContain("APPROVED");
                });
    }
}
