package com.lead2cash.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
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

    @Test
    void datesAreIsoAndATamperedVersionReadsAsStale() {
        assertThat(FormValues.date("shipDate", "2026-12-03", "k")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThatThrownBy(() -> FormValues.date("shipDate", "2026-13-03", "k")).isInstanceOf(FieldValidationException.class);
        assertThat(FormValues.version(Map.of("version", "7"))).isEqualTo(7L);
        assertThat(FormValues.version(Map.of())).isNull();
        assertThatThrownBy(() -> FormValues.version(Map.of("version", "x"))).isInstanceOf(DomainException.class);
    }
}
