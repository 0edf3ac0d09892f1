package com.lead2cash.sop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.SourceDSL.longs;

class BusinessDurationTest {

    @ParameterizedTest(name = "\"{0}\" is {1} {2}")
    @CsvSource({
            "30m,  30, MINUTES",
            "4h,    4, HOURS",
            "2d,    2, DAYS",
            "0m,    0, MINUTES",
            "4H,    4, HOURS",
            "' 2d ', 2, DAYS",
            "007m,  7, MINUTES",
    })
    void parsesTheStoredForm(String text, long amount, BusinessUnit unit) {
        assertThat(BusinessDuration.parse(text)).isEqualTo(new BusinessDuration(amount, unit));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", "30", "m", "-5m", "5 m", "1.5h", "30min", "2w", "+3d", "99999999999999999999m"})
    void refusesTextThatIsNotTheStoredForm(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> BusinessDuration.parse(text));
    }

    @Test
    void printsTheStoredFormInLowerCase() {
        assertThat(BusinessDuration.ofMinutes(30)).hasToString("30m");
        assertThat(BusinessDuration.ofHours(4)).hasToString("4h");
        assertThat(BusinessDuration.ofDays(2)).hasToString("2d");
        assertThat(BusinessDuration.parse("4H")).hasToString("4h");
    }

    @Test
    void parsingWhatWasPrintedGivesTheSameDuration() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), enumValues(BusinessUnit.class))
                .checkAssert((amount, unit) -> {
                    BusinessDuration duration = new BusinessDuration(amount, unit);
                    assertThat(BusinessDuration.parse(duration.toString())).isEqualTo(duration);
                });
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> BusinessDuration.ofMinutes(-1));
    }

    @Test
    void aUnitIsRequired() {
        assertThatNullPointerException()
                .isThrownBy(() -> new BusinessDuration(1, null));
    }
}
