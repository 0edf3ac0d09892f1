package com.lead2cash.contract.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.contract.RiskLevel;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The contract rules as the default policy binds them: the catalogue's numbers reach the decisions. */
class ContractRulesTest {

    static final ContractRules RULES = SopPolicy.defaults().bind(ContractRules.class);

    @Test
    void K1_legalFinanceAndOperationsReviewEveryContract() {
        assertThat(RULES.departments()).containsExactly(Department.LEGAL, Department.FINANCE, Department.OPERATIONS);
    }

    @Test
    void K5_anAmountOfOneMillionOrMoreGetsTheRiskReview() {
        assertThat(RULES.needsRiskReview(new BigDecimal("999999.99"), RiskLevel.LOW)).isFalse();
        assertThat(RULES.needsRiskReview(new BigDecimal("1000000.00"), RiskLevel.LOW)).isTrue();
        assertThat(RULES.needsRiskReview(new BigDecimal("1000000.01"), RiskLevel.MEDIUM)).isTrue();
    }

    @Test
    void K5_aHighRiskRatingGetsTheRiskReviewWhateverTheAmount() {
        assertThat(RULES.needsRiskReview(new BigDecimal("10000.00"), RiskLevel.HIGH)).isTrue();
        assertThat(RULES.needsRiskReview(new BigDecimal("10000.00"), RiskLevel.MEDIUM)).isFalse();
    }

    @Test
    void R1_aContractIsKeptTenYearsFromItsLastEventOfRecord() {
        assertThat(RULES.keptUntil(LocalDate.of(2026, 12, 3))).isEqualTo(LocalDate.of(2036, 12, 3));
    }

    @Test
    void K1_K5_thePolicyOffersExactlyTheDepartmentsAndRiskLevelsThisModuleKnows() {
        assertThat(RuleCatalog.require("K1").param("reviewers").orElseThrow().choices())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Department.values()).map(Enum::name).toList());
        assertThat(RuleCatalog.require("K5").param("riskLevels").orElseThrow().choices())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RiskLevel.values()).map(Enum::name).toList());
    }
}
