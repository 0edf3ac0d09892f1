package com.lead2cash.sop.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.DeadlineWindow;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed values of SOP rule parameters: their text form reads back to the same value, and bad text is refused. */
class ParamTypeTest {

    @Test
    void everyDefaultReadsBackFromItsCanonicalText() {
        for (RuleCatalog.RuleDef rule : RuleCatalog.all()) {
            for (RuleCatalog.ParamDef p : rule.params()) {
                Object value = p.defaultValue();
                assertThat(p.type().javaType().isInstance(value)).as(rule.id() + "." + p.name()).isTrue();
                assertThat(p.type().parse(p.type().format(value), null)).as(rule.id() + "." + p.name()).isEqualTo(value);
            }
        }
    }

    @Test
    void everyRuleWithAWindowHasThatDurationParameter() {
        RuleCatalog.all().stream().filter(r -> r.windowParam() != null).forEach(r ->
                assertThat(r.param(r.windowParam()).orElseThrow().type()).as(r.id()).isEqualTo(ParamType.DURATION));
    }

    @Test
    void aDurationWithoutBasisKeepsTheBasisItHad() {
        DeadlineWindow calendar = DeadlineWindow.calendar(BusinessDuration.ofDays(3));
        assertThat(ParamType.DURATION.parse("5d", calendar)).isEqualTo(DeadlineWindow.calendar(BusinessDuration.ofDays(5)));
        assertThat(ParamType.DURATION.parse("2h Business", calendar)).isEqualTo(DeadlineWindow.business(BusinessDuration.ofHours(2)));
    }

    @Test
    void typedValuesParse() {
        assertThat(ParamType.TIME_OF_DAY.parse("9:30", null)).isEqualTo(LocalTime.of(9, 30));
        assertThat(ParamType.WEEKDAY.parse("friday", null)).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(ParamType.MONEY.parse("1,000,000.00", null)).isEqualTo(new BigDecimal("1000000"));
        assertThat(ParamType.PERCENT.parse("7.5", null)).isEqualTo(new BigDecimal("7.5"));
        assertThat(ParamType.BOOLEAN.parse("off", null)).isEqualTo(false);
        assertThat(ParamType.LIST.parse("制造业，金融业, 制造业", null)).isEqualTo(List.of("制造业", "金融业"));
        assertThat(ParamType.FRACTIONS.parse("0.25, 0.75", null)).isEqualTo(List.of(0.25, 0.75));
    }

    @Test
    void invalidValuesAreRefusedWithTheirMessageKey() {
        assertOutOfRange(ParamType.DURATION, "-5m", false);
        assertOutOfRange(ParamType.DURATION, "99999999999999999999d", true);
        assertRefused(ParamType.DURATION, "30 minutes", "policy.error.duration");
        assertRefused(ParamType.DURATION, "30m someday", "policy.error.duration");
        // "1M" a month to who writes it, never a minute
        assertRefused(ParamType.DURATION, "1M", "policy.error.durationUnit");
        assertRefused(ParamType.DURATION, "1M calendar", "policy.error.durationUnit");
        assertRefused(ParamType.TIME_OF_DAY, "25:00", "policy.error.time");
        assertRefused(ParamType.WEEKDAY, "Funday", "policy.error.weekday");
        assertRefused(ParamType.MONEY, "1.001", "policy.error.money");
        assertRefused(ParamType.MONEY, "lots", "policy.error.money");
        assertRefused(ParamType.INTEGER, "3.5", "policy.error.integer");
        assertRefused(ParamType.INTEGER, "1e3", "policy.error.integer");
        assertOutOfRange(ParamType.INTEGER, "99999999999", true);
        assertOutOfRange(ParamType.INTEGER, "-99999999999", false);
        assertRefused(ParamType.PERCENT, "lots", "policy.error.percent");
        assertOutOfRange(ParamType.PERCENT, "100.1", true);
        assertOutOfRange(ParamType.PERCENT, "-0.1", false);
        assertRefused(ParamType.BOOLEAN, "maybe", "policy.error.boolean");
        assertRefused(ParamType.FRACTIONS, "0.9, 0.5", "policy.error.fractions");
        assertRefused(ParamType.FRACTIONS, "1.0", "policy.error.fractions");
        assertRefused(ParamType.INTEGER, " ", "policy.error.required");
    }

    @Test
    void aNumberOfItsTypeIsReadWhateverItsSignTheParametersBoundsRefuseIt() {
        // "-3" is a whole number and "-1" an amount: which are allowed is each parameter's (PolicyRules), said there
        assertThat(ParamType.INTEGER.parse("-3", null)).isEqualTo(-3);
        assertThat(ParamType.INTEGER.parse("2147483647", null)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ParamType.MONEY.parse("-1", null)).isEqualTo(new BigDecimal("-1"));
        assertThat(ParamType.PERCENT.parse("100", null)).isEqualTo(new BigDecimal("100"));
    }

    private static void assertOutOfRange(ParamType type, String text, boolean above) {
        assertThatThrownBy(() -> type.parse(text, null)).isInstanceOfSatisfying(ParamType.OutOfRange.class,
                e -> assertThat(e.above()).as(text).isEqualTo(above));
    }

    private static void assertRefused(ParamType type, String text, String key) {
        assertThatThrownBy(() -> type.parse(text, null)).isInstanceOf(ParamType.InvalidValue.class).hasMessage(key);
    }
}
