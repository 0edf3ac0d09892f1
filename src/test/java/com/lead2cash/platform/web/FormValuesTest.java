package com.lead2cash.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a screen's form sent, read or refused as a field error; never a 400 or a 500. */
class FormValuesTest {

    @Test
    void amountsReadWithThousandsSeparatorsAndBlankIsNull() {
        assertThat(FormValues.decimal("amount", " 1,234.50 ", "k")).isEqualByComparingTo(new BigDecimal("1234.50"));
        assertThat(FormValues.decimal("amount", "-.5", "k")).isEqualByComparingTo(new BigDecimal("-0.5"));
        assertThat(FormValues.decimal("amount", "  ", "k")).isNull();
        assertThat(FormValues.decimal("amount", "１２，０００．５", "k")).as("full-width, as a Chinese input method types it")
                .isEqualByComparingTo(new BigDecimal("12000.5"));
    }

    @Test
    void anExponentTextOrAnAbsurdLengthIsAFieldErrorOnThatField() {
        for (String bad : new String[] {"1e999999999", "1E+5", "abc", "1.2.3", "1 2", "9".repeat(41)}) {
            assertThatThrownBy(() -> FormValues.decimal("quantity", bad, "order.quantity.invalid")).as(bad)
                    .isInstanceOfSatisfying(FieldValidationException.class,
                            e -> assertThat(e.errors()).extracting(FieldValidationException.FieldError::field)
                                    .containsExactly("quantity"));
        }
    }

    /** A form's amount is refused as the API refuses a JSON body's (the money columns), never rounded to two places. */
    @Test
    void anAmountBeyondTheMoneyColumnsIsRefusedAsTheApiRefusesItNeverRounded() {
        for (String[] bad : new String[][] {{"1.123456", "error.input.amountTooPrecise"},
                {"1,067.555", "error.input.amountTooPrecise"}, {"12345678901234567", "error.input.amountTooLarge"}}) {
            assertThatThrownBy(() -> FormValues.decimal("agreedPrice", bad[0], "k")).as(bad[0])
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldValidationException.FieldError("agreedPrice", bad[1], 16, 2)));
        }
        assertThat(FormValues.decimal("quantity", "2.000", "k")).as("trailing zeros are no places")
                .isEqualByComparingTo(new BigDecimal("2"));
        assertThat(InputRules.amountProblem("amount", new BigDecimal("1067.55"))).isEmpty();
    }

    @Test
    void groupingCommasAreReadOnlyWhereTheyGroupThousands() {
        for (String good : new String[] {"1,000", "12,345,678.90", "999", "1000000", "-1,000.5", "１，２３４．５"}) {
            assertThat(FormValues.readDecimal(good)).as(good).isPresent();
        }
        for (String bad : new String[] {"1,00,0", "1,00", "10,0000", ",100", "100,", "1,,000", "1000,000", "1,000.000,5",
                "12,34.5", "１，２３"}) {
            assertThatThrownBy(() -> FormValues.decimal("amount", bad, "receipt.amount.positive")).as(bad)
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldValidationException.FieldError::messageKey)
                            .containsExactly("receipt.amount.positive"));
        }
    }

    /** Any whole amount grouped by thousands reads as itself; a comma moved one digit off its place is refused. */
    @Test
    void aGroupedAmountReadsAsItselfAndAMisplacedCommaIsRefused() {
        qt().withFixedSeed(20261206L).forAll(longs().between(1000, Long.MAX_VALUE / 10), integers().between(0, 99))
                .checkAssert((n, cents) -> {
                    String grouped = String.format(java.util.Locale.ROOT, "%,d.%02d", n, cents);
                    assertThat(FormValues.readDecimal(grouped)).as(grouped)
                            .contains(new BigDecimal(n + "." + String.format("%02d", cents)));
                    int comma = grouped.indexOf(',');
                    // the first comma one digit to the right: 1,234 → 12,34
                    String moved = grouped.substring(0, comma) + grouped.charAt(comma + 1) + ","
                            + grouped.substring(comma + 2);
                    assertThat(FormValues.readDecimal(moved)).as(moved).isEmpty();
                });
    }

    @Test
    void datesAreIsoAndATamperedVersionReadsAsStale() {
        assertThat(FormValues.date("shipDate", "2026-12-03", "k")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThatThrownBy(() -> FormValues.date("shipDate", "2026-13-03", "k")).isInstanceOf(FieldValidationException.class);
        assertThat(FormValues.version(Map.of("version", "7"))).isEqualTo(7L);
        assertThat(FormValues.version(Map.of())).isNull();
        assertThatThrownBy(() -> FormValues.version(Map.of("version", "x"))).isInstanceOf(DomainException.class);
    }
}
