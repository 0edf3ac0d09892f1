package com.lead2cash.sop.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import com.lead2cash.sop.SopPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A module's rules record is bound from a policy version, and checked against the rule catalogue first. */
class RuleBindingTest {

    record SampleRules(
            @Rule("L2") @Param("time") LocalTime summaryTime,
            @Rule("L3") @Param("minimumBudget") BigDecimal minimumBudget,
            @Rule("L3") @Param("targetIndustries") Set<String> industries,
            @Rule("L3") @Param("gradeAMinPoints") int gradeA,
            @Rule("L7") @Param("window") DeadlineWindow firstResponse,
            @Rule("L8") @Param("contestWindow") Duration contest,
            @Rule("C7") @Param("enabled") boolean returnsToPool,
            @Rule("O2") @Param("panelRoles") List<String> panel) {
    }

    record UnknownRule(@Rule("Z9") @Param("window") DeadlineWindow window) {
    }

    record UnknownParameter(@Rule("L3") @Param("maximumBudget") BigDecimal budget) {
    }

    record WrongType(@Rule("L3") @Param("minimumBudget") int budget) {
    }

    record Unannotated(@Rule("L3") @Param("urgencyDays") int urgencyDays, int somethingElse) {
    }

    record BusinessWindowAsDuration(@Rule("L7") @Param("window") Duration firstResponse) {
    }

    @Test
    void aRecordIsFilledFromTheCatalogueDefaults() {
        SampleRules rules = SopPolicy.defaults().bind(SampleRules.class);

        assertThat(rules.summaryTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(rules.minimumBudget()).isEqualByComparingTo("100000");
        assertThat(rules.industries()).contains("制造业", "金融业");
        assertThat(rules.gradeA()).isEqualTo(3);
        assertThat(rules.firstResponse().toString()).contains("4h");
        assertThat(rules.contest()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rules.returnsToPool()).isTrue();
        assertThat(rules.panel()).containsExactly("SALES_REP", "SALES_MANAGER", "TECH_SUPPORT");
    }

    @Test
    void eachVersionBindsItsOwnValuesOnceAndKeepsThem() {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>(RuleCatalog.defaults());
        Map<String, Object> l3 = new LinkedHashMap<>(values.get("L3"));
        l3.put("minimumBudget", new BigDecimal("600000"));
        values.put("L3", l3);
        PolicyVersion changed = new PolicyVersion(2, Instant.EPOCH, null, "admin", "higher bar", values);

        SampleRules first = changed.bind(SampleRules.class);

        assertThat(first.minimumBudget()).isEqualByComparingTo("600000");
        assertThat(changed.bind(SampleRules.class)).isSameAs(first);
        assertThat(SopPolicy.defaults().bind(SampleRules.class).minimumBudget()).isEqualByComparingTo("100000");
    }

    @Test
    void aRecordThatDoesNotFitTheCatalogueIsRefusedWithWhatIsWrong() {
        assertThatIllegalStateException().isThrownBy(() -> SopPolicy.defaults().bind(UnknownRule.class))
                .withMessageContaining("Z9.window");
        assertThatIllegalStateException().isThrownBy(() -> SopPolicy.defaults().bind(UnknownParameter.class))
                .withMessageContaining("L3.maximumBudget");
        assertThatIllegalStateException().isThrownBy(() -> SopPolicy.defaults().bind(WrongType.class))
                .withMessageContaining("MONEY");
        assertThatIllegalStateException().isThrownBy(() -> SopPolicy.defaults().bind(Unannotated.class))
                .withMessageContaining("somethingElse");
    }

    @Test
    void aWindowOfWorkingTimeCannotBeReadAsAPlainDuration() {
        assertThatIllegalStateException().isThrownBy(() -> SopPolicy.defaults().bind(BusinessWindowAsDuration.class))
                .withMessageContaining("L7.window");
    }
}
