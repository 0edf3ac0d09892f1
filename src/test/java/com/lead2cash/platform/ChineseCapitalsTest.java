package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts in Chinese capitals (人民币大写) as the accounting standard writes them on contracts and invoices. */
class ChineseCapitalsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0.5,                 伍角整",
            "10,                  壹拾元整",
            "1000000,             壹佰万元整",
            "1234567.89,          壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "100000000,           壹亿元整",
            "1000001,             壹佰万零壹元整",
            "10010.05,            壹万零壹拾元零伍分",
            "1200000,             壹佰贰拾万元整",
            "0,                   零元整",
            "0.05,                伍分",
            "0.50,                伍角整",
            "1,                   壹元整",
            "16409.02,            壹万陆仟肆佰零玖元零贰分",
            "325.04,              叁佰贰拾伍元零肆分",
            "1680.32,             壹仟陆佰捌拾元叁角贰分",
            "107000.53,           壹拾万柒仟元伍角叁分",
            "1010,                壹仟零壹拾元整",
            "100001000,           壹亿零壹仟元整",
            "100000001,           壹亿零壹元整",
            "10000100,            壹仟万零壹佰元整",
            "200000000000,        贰仟亿元整",
            "123456789012.34,     壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分",
            "1000000000000,       壹万亿元整",
            "-5000,               负伍仟元整"})
    void amountsInCapitals(BigDecimal amount, String capitals) {
        assertThat(ChineseCapitals.of(amount)).isEqualTo(capitals);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1.234", "10000000000000000"})
    void moreThanTwoDecimalsOrBeyondWanYiIsRefused(String amount) {
        assertThatThrownBy(() -> ChineseCapitals.of(new BigDecimal(amount))).isInstanceOf(IllegalArgumentException.class);
    }
}
