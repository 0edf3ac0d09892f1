package com.lead2cash.contract.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.Role;
import com.lead2cash.testing.RefusalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract aggregate (合同) on its own: what it refuses while drafting, submitting, signing and after
 * the archive, and what it offers an actor next.
 */
class ContractAggregateTest {

    static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final UUID OWNER = UUID.randomUUID();

    static List<PaymentMilestone> milestones(String... amounts) {
        return Arrays.stream(amounts).map(a -> new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal(a), null,
                "合同签订后 7 日内")).toList();
    }

    static Contract draft(String amount, List<PaymentMilestone> milestones, String deliveryClause) {
        return draft(amount, milestones, deliveryClause, TODAY);
    }

    /** {@code today} null: milestones the minutes gave, asked on submission only. */
    static Contract draft(String amount, List<PaymentMilestone> milestones, String deliveryClause, LocalDate today) {
        List<Contract.TemplateClause> clauses = Arrays.stream(SectionKey.values()).filter(SectionKey::core)
                .map(k -> new Contract.TemplateClause(k.name(), k.name(), k == SectionKey.DELIVERY ? deliveryClause
                        : "第 " + k.ordinal() + " 条的约定。"))
                .toList();
        return Contract.draft(new Contract.Draft("工业网关采购合同", UUID.randomUUID(), UUID.randomUUID(), null, null, null,
                OWNER, new BigDecimal(amount), RiskLevel.LOW, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30),
                "杭州甲方科技有限公司", null, "乙方有限公司", clauses, Map.of(), milestones, List.of()),
                "HT-2026-000001", OWNER, LocalDate.of(2036, 12, 3), today, NOW);
    }

    static ContractActor owner() {
        return new ContractActor(OWNER, Set.of(Role.SALES_REP), true, false, Set.of(), false, TODAY);
    }

    static Contract approved() {
        Contract c = draft("600000.00", milestones("300000.00", "300000.00"), "合同签订后 30 日内交付。");
        c.submit(TODAY, NOW);
        c.reviewsPassed(NOW);
        c.approved(NOW);
        return c;
    }

    @Test
    void paymentMilestonesThatDoNotAddUpToTheAmountAreRefused() {
        assertThatThrownBy(() -> draft("600000.00", milestones("300000.00", "299999.99"), "交付。"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.messageKey()).isEqualTo("contract.milestones.sum"))
                        .satisfies(f -> assertThat(f.args()).as("the amounts as the screens show them")
                                .containsExactly("599,999.99", "600,000.00")));
    }

    @Test
    void anAmountTooLargeIsToldItIsTooLargeNotThatItHasTooManyDecimals() {
        assertThatThrownBy(() -> draft("1000000000000.01", milestones("1000000000000.01"), "交付。"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("amount"))
                        .satisfies(f -> assertThat(f.messageKey()).isEqualTo("contract.amount.tooLarge"))
                        .satisfies(f -> assertThat(f.args()).containsExactly("1,000,000,000,000.00")));
        assertThatThrownBy(() -> draft("1000.001", milestones("1000.001"), "交付。"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey).contains("contract.amount.invalid"));
        assertThatCode(() -> draft("999999999999.99", milestones("999999999999.99"), "交付。")).doesNotThrowAnyException();
    }

    @Test
    void aPaymentFallingDueBeforeTheContractWasDraftedIsRefusedAndOneKeptAsItWasIsNotAskedAgain() {
        PaymentMilestone early = new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal("600000.00"),
                TODAY.minusDays(1), null);
        assertThatThrownBy(() -> draft("600000.00", List.of(early), "交付。"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(tuple("milestones[0].dueDate", "contract.milestone.beforeDrafting")));

        PaymentMilestone onTheDay = new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal("600000.00"), TODAY, null);
        Contract c = draft("600000.00", List.of(onTheDay), "交付。");
        // weeks later the draft is revised without touching its milestones: the one due meanwhile stays as it was
        c.revise(new Contract.Terms("园区网关采购合同", null, null, null, null, null, null, null, null, null), TODAY,
                NOW.plus(java.time.Duration.ofDays(30)));
        assertThat(c.milestones()).containsExactly(onTheDay);
        assertThatThrownBy(() -> c.revise(new Contract.Terms(null, null, null, null, null, null, null, null, null,
                List.of(early)), TODAY, NOW)).isInstanceOf(FieldValidationException.class);
        // milestones taken from the minutes are not asked at drafting (a date may have passed since the customer
        // confirmed them, and the rep moves it in the draft): the submission asks
        Contract fromMinutes = draft("600000.00", List.of(early), "交付。", null);
        assertThatThrownBy(() -> fromMinutes.submit(TODAY, NOW)).isInstanceOfSatisfying(FieldValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldValidationException.FieldError::messageKey)
                        .contains("contract.milestone.beforeDrafting"));
    }

    /** Walk finding: a payment due in 2199 was kept, and would have stayed out of aging for good. */
    @Test
    void aPaymentFallingDueMoreThanTenYearsAfterDraftingIsRefused() {
        PaymentMilestone far = new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal("600000.00"),
                java.time.LocalDate.of(2199, 1, 1), null);
        assertThatThrownBy(() -> draft("600000.00", List.of(far), "交付。"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field, FieldValidationException.FieldError::messageKey)
                        .containsExactly(tuple("milestones[0].dueDate", "error.input.dateTooFarAhead")));
        PaymentMilestone tenYears = new PaymentMilestone(MilestoneType.PREPAYMENT, new BigDecimal("600000.00"),
                TODAY.plusYears(10), null);
        assertThatCode(() -> draft("600000.00", List.of(tenYears), "交付。")).doesNotThrowAnyException();
    }

    @Test
    void revisingTheAmountWithoutTheMilestonesIsRefusedAndChangesNothing() {
        Contract c = draft("600000.00", milestones("300000.00", "300000.00"), "交付。");

        assertThatThrownBy(() -> c.revise(new Contract.Terms(null, new BigDecimal("700000.00"), null, c.termStart(),
                c.termEnd(), null, null, null, null, null), TODAY, NOW)).isInstanceOf(FieldValidationException.class);

        assertThat(c.amount()).isEqualByComparingTo("600000.00");
        assertThat(c.amountInWords()).isEqualTo("陆拾万元整");
    }

    @Test
    void aRevisionKeepsTheTermsItLeavesOutAndClearsTheTextItBlanks() {
        Contract c = draft("600000.00", milestones("300000.00", "300000.00"), "交付。");
        c.revise(new Contract.Terms(null, null, null, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), null,
                "91330100716105852F", "杭州市西湖区文三路 1 号", "王经理", null), TODAY, NOW);

        c.revise(new Contract.Terms("园区网关采购合同", null, null, null, null, null, null, null, null, null), TODAY, NOW);

        assertThat(c.title()).isEqualTo("园区网关采购合同");
        assertThat(List.of(c.termStart(), c.termEnd())).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
        assertThat(List.of(c.buyerTaxId(), c.buyerAddress(), c.buyerRepresentative()))
                .containsExactly("91330100716105852F", "杭州市西湖区文三路 1 号", "王经理");
        assertThat(c.amount()).isEqualByComparingTo("600000.00");

        c.revise(new Contract.Terms(null, null, null, null, null, null, null, " ", null, null), TODAY, NOW);
        assertThat(c.buyerAddress()).as("blank clears").isNull();
        assertThat(c.buyerRepresentative()).isEqualTo("王经理");
        assertThatThrownBy(() -> c.revise(new Contract.Terms(null, null, null, null, LocalDate.of(2026, 12, 31), null, null,
                null, null, null), TODAY, NOW)).as("an end before the start kept").isInstanceOf(FieldValidationException.class);
    }

    @Test
    void theBuyersTaxIdIsAUnifiedSocialCreditCode() {
        Contract c = draft("600000.00", milestones("300000.00", "300000.00"), "交付。");
        for (String bad : List.of("<img src=x onerror=alert(1)>", "91330106MA2XXXXX1X")) {
            assertThatThrownBy(() -> c.revise(new Contract.Terms(null, null, null, null, null, null, bad, null, null, null), TODAY, NOW))
                    .as(bad).isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldValidationException.FieldError::field).containsExactly("buyerTaxId"));
        }
        assertThat(c.buyerTaxId()).isNull();

        c.revise(new Contract.Terms(null, null, null, null, null, null, " 91330100716105852f ", null, null, null), TODAY, NOW);
        assertThat(c.buyerTaxId()).as("as invoices keep it").isEqualTo("91330100716105852F");
    }

    @Test
    void K1_aContractWithAnUnfilledPlaceholderIsNotSubmittedToReview() {
        Contract c = draft("600000.00", milestones("600000.00"), "合同签订后 {{quote.deliveryPeriod}} 内交付。");

        assertThatThrownBy(() -> c.submit(TODAY, NOW)).isInstanceOfSatisfying(FieldValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldValidationException.FieldError::field).containsExactly("sections.DELIVERY"));
        assertThat(c.status()).isEqualTo(ContractStatus.DRAFT);
    }

    @Test
    void K1_textInBracesThatIsNoPlaceholderDoesNotHoldTheContractBack() {
        // a customer's name and a template's text with braces: only {{name}} of a known placeholder is one
        List<Contract.TemplateClause> clauses = Arrays.stream(SectionKey.values()).filter(SectionKey::core)
                .map(k -> new Contract.TemplateClause(k.name(), k.name(), k == SectionKey.PARTIES
                        ? "买方：{{buyer.name}}；卖方：{{seller.name}}。" : "第 " + k.ordinal() + " 条的约定 {{7*7}}。"))
                .toList();
        Contract c = Contract.draft(new Contract.Draft("工业网关采购合同", UUID.randomUUID(), UUID.randomUUID(), null,
                null, null, OWNER, new BigDecimal("600000.00"), RiskLevel.LOW, LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 11, 30), "X{{7*7}}", null, "乙方有限公司", clauses, Map.of(), milestones("600000.00"),
                List.of()), "HT-2026-000001", OWNER, LocalDate.of(2036, 12, 3), TODAY, NOW);
        assertThat(c.sections().stream().filter(s -> s.sectionKey().equals("PARTIES")).findFirst().orElseThrow().body())
                .isEqualTo("买方：X{{7*7}}；卖方：乙方有限公司。");

        assertThat(c.submit(TODAY, NOW)).isEqualTo(1);
        // in a template, though, double braces are for placeholders only
        assertThat(Placeholders.unknownIn("{{7*7}} {{ buyer.nme }} {{ buyer.name }} {{买方名称}}"))
                .containsExactly("7*7", "buyer.nme", "买方名称");
        // empty braces are named as written, not as an empty name
        assertThat(Placeholders.unknownIn("{{}} {{ }} {{buyer.name}}")).containsExactly("{{}}");
    }

    static Contract draftWithLines(String amount, Map<String, String> sources, String buyerTaxId) {
        List<Contract.TemplateClause> clauses = Arrays.stream(SectionKey.values()).filter(SectionKey::core)
                .map(k -> new Contract.TemplateClause(k.name(), k.name(), k == SectionKey.SCOPE
                        ? "乙方提供下列产品：\n{{contract.lines}}" : "第 " + k.ordinal() + " 条的约定。"))
                .toList();
        List<ContractLine> lines = List.of(
                new ContractLine(UUID.randomUUID(), "GW-100", "工业网关", "GW-100", "台", new BigDecimal("10"),
                        new BigDecimal("1000.00"), new BigDecimal("10"), new BigDecimal("9000.00")),
                new ContractLine(UUID.randomUUID(), "SV-1", "安装服务", null, "次", new BigDecimal("1"),
                        new BigDecimal("1000.00"), BigDecimal.ZERO, new BigDecimal("1000.00")));
        return Contract.draft(new Contract.Draft("工业网关采购合同", UUID.randomUUID(), UUID.randomUUID(), null, null,
                null, OWNER, new BigDecimal(amount), RiskLevel.LOW, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 11, 30),
                "杭州甲方科技有限公司", buyerTaxId, "乙方有限公司", clauses, sources, milestones(amount), lines),
                "HT-2026-000001", OWNER, LocalDate.of(2036, 12, 3), TODAY, NOW);
    }

    static String scope(Contract c) {
        return c.sections().stream().filter(s -> s.sectionKey().equals("SCOPE")).findFirst().orElseThrow().body();
    }

    @Test
    void theScopeClausesLinesShowTheQuotesDiscountAndAddUpToTheContractAmount() {
        // the quote: 9 000.00 + 1 000.00 without tax, 1 300.00 tax at 13 %, 11 300.00 with it; 11 000.00 agreed since
        Contract c = draftWithLines("11000.00", Map.of("quote.tax", "1300.00"), null);

        assertThat(scope(c)).isEqualTo("""
                乙方提供下列产品：
                1. 工业网关（GW-100） × 10 台，单价人民币 1,000.00 元，折扣 10 %，小计人民币 9,000.00 元（不含税）；
                2. 安装服务 × 1 次，单价人民币 1,000.00 元，小计人民币 1,000.00 元（不含税）；
                以上不含税合计人民币 10,000.00 元，税额人民币 1,300.00 元，价税合计人民币 11,300.00 元，\
                商定优惠人民币 300.00 元，合同金额人民币 11,000.00 元。""");

        c.revise(new Contract.Terms(null, new BigDecimal("11300.00"), null, null, null, null, null, null, null,
                milestones("11300.00")), TODAY, NOW);
        assertThat(scope(c)).as("at the quote's total nothing was agreed off")
                .endsWith("价税合计人民币 11,300.00 元，合同金额人民币 11,300.00 元。");
    }

    @Test
    void aDraftStartsWithTheBuyersTaxpayerIdItWasGivenCheckedAsACreditCode() {
        assertThat(draftWithLines("11300.00", Map.of(), "91330100716105852F").buyerTaxId()).isEqualTo("91330100716105852F");
        assertThat(draftWithLines("11300.00", Map.of(), null).buyerTaxId()).isNull();
        assertThatThrownBy(() -> draftWithLines("11300.00", Map.of(), "91330100716105852X"))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field).containsExactly("buyerTaxId"));
    }

    @Test
    void K1_anObjectionSendsTheContractToRevisingWhereItMayBeEditedAndSubmittedAgain() {
        Contract c = draft("600000.00", milestones("600000.00"), "合同签订后 30 日内交付。");
        assertThat(c.submit(TODAY, NOW)).isEqualTo(1);
        assertThat(c.availableActions(owner())).doesNotContain(ContractAction.EDIT);

        assertThat(c.returnedForRevision(NOW)).isTrue();
        c.editSection("DELIVERY", null, "合同签订后 20 日内交付。", NOW);

        assertThat(c.status()).isEqualTo(ContractStatus.REVISING);
        assertThat(c.sections().stream().filter(s -> s.sectionKey().equals("DELIVERY")).findFirst().orElseThrow().deviates()).isTrue();
        assertThat(c.submit(TODAY, NOW)).isEqualTo(2);
        assertThat(c.status()).isEqualTo(ContractStatus.IN_REVIEW);
    }

    @Test
    void K2_theFinalApprovalFollowsThePassedReviewsAndLeadsToApproved() {
        Contract c = draft("600000.00", milestones("600000.00"), "交付。");
        c.submit(TODAY, NOW);

        assertThat(c.reviewsPassed(NOW)).isTrue();
        assertThat(c.status()).isEqualTo(ContractStatus.FINAL_APPROVAL);
        assertThat(c.approved(NOW)).isTrue();

        assertThat(c.status()).isEqualTo(ContractStatus.APPROVED);
        assertThat(c.availableActions(owner())).contains(ContractAction.SIGN).doesNotContain(ContractAction.EDIT);
    }

    @Test
    void K2_aDecisionOnAStepThatIsNotTheActorsIs403AndOneWithNoStepPending422() {
        ContractActor director = new ContractActor(UUID.randomUUID(), Set.of(Role.SALES_DIRECTOR), false, true, Set.of(), false, TODAY);
        ContractActor approver = new ContractActor(UUID.randomUUID(), Set.of(Role.LEGAL), false, false, Set.of(), true, TODAY);
        Contract c = draft("600000.00", milestones("600000.00"), "交付。");
        c.submit(TODAY, NOW);
        c.reviewsPassed(NOW);

        assertThatThrownBy(() -> c.requireAction(director, ContractAction.APPROVE))
                .as("the legal head's step waits: not the director's").isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("contract.approval.notYourStep"));
        assertThatCode(() -> c.requireAction(approver, ContractAction.APPROVE)).doesNotThrowAnyException();

        c.approved(NOW);
        assertThatThrownBy(() -> c.requireAction(director, ContractAction.APPROVE)).as("no step is pending")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .isNotInstanceOf(ForbiddenException.class)
                        .extracting(DomainException::messageKey).isEqualTo("contract.action.notNow"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(RefusalText.of(e, Locale.ENGLISH))
                        .contains("“Approved”").doesNotContain("APPROVED"));
    }

    @Test
    void K3_signingNeedsTheScanAndADayNotBeforeTheApprovalNorInTheFuture() {
        Contract c = approved();
        UUID scan = UUID.randomUUID();

        assertThatThrownBy(() -> c.sign(TODAY.plusDays(1), "甲方：王经理", scan, OWNER, TODAY, TODAY, NOW))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> c.sign(TODAY.minusDays(1), "甲方：王经理", scan, OWNER, TODAY, TODAY, NOW))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> c.sign(TODAY, "甲方：王经理", null, OWNER, TODAY, TODAY, NOW))
                .isInstanceOf(FieldValidationException.class);
        assertThat(c.status()).isEqualTo(ContractStatus.APPROVED);

        c.sign(TODAY, "甲方：王经理；乙方：张伟", scan, OWNER, TODAY, TODAY, NOW);

        assertThat(c.status()).isEqualTo(ContractStatus.SIGNED);
        assertThat(c.scanFileId()).isEqualTo(scan);
        assertThat(c.signedOn()).isEqualTo(TODAY);
    }

    @Test
    void anApprovedContractHandedOverWithItsCustomerWaitsForTheNewOwnerToSignAndAnArchivedOneStays() {
        Contract c = approved();
        assertThat(c.waitingFor()).isEqualTo("USER:" + OWNER);
        UUID next = UUID.randomUUID();

        c.handOver(next, NOW);

        assertThat(c.ownerId()).isEqualTo(next);
        assertThat(c.waitingFor()).as("the owner's turn to sign is the new owner's").isEqualTo("USER:" + next);

        c.sign(TODAY, "甲方：王经理；乙方：张伟", UUID.randomUUID(), next, TODAY, TODAY, NOW);
        c.archive("档案室 A-3", next, NOW);
        assertThatThrownBy(() -> c.handOver(OWNER, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("contract.handOver.closed"));
        assertThat(c.ownerId()).isEqualTo(next);
    }

    @Test
    void K4_anArchiveNamesWhereThePaperOriginalIsKept() {
        Contract c = approved();
        c.sign(TODAY, "甲方：王经理；乙方：张伟", UUID.randomUUID(), OWNER, TODAY, TODAY, NOW);

        for (String blank : java.util.Arrays.asList(null, "", "   ")) {
            assertThatThrownBy(() -> c.archive(blank, OWNER, NOW)).as(String.valueOf(blank))
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(f -> assertThat(f.field()).isEqualTo("location"))
                            .satisfies(f -> assertThat(f.messageKey()).isEqualTo("contract.archive.location.required")));
        }
        assertThat(c.status()).as("nothing changed").isEqualTo(ContractStatus.SIGNED);
        assertThat(c.archiveLocation()).isNull();
    }

    @Test
    void anApprovedContractIsTerminatedByTheOwnersManagerOrLegalNotByTheRepAlone() {
        ContractActor manager = new ContractActor(UUID.randomUUID(), Set.of(Role.SALES_MANAGER), true, true, Set.of(),
                false, TODAY);
        ContractActor legal = new ContractActor(UUID.randomUUID(), Set.of(Role.LEGAL), false, false, Set.of(), false, TODAY);
        Contract draft = draft("600000.00", milestones("300000.00", "300000.00"), "交付。");
        assertThat(draft.availableActions(owner())).as("the rep's own proposal, not approved yet").contains(ContractAction.TERMINATE);

        Contract approved = approved();
        assertThat(approved.availableActions(owner())).doesNotContain(ContractAction.TERMINATE);
        assertThatThrownBy(() -> approved.requireAction(owner(), ContractAction.TERMINATE))
                .isInstanceOfSatisfying(com.lead2cash.platform.ForbiddenException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("contract.termination.managementOnly"));
        assertThat(approved.availableActions(manager)).contains(ContractAction.TERMINATE);
        assertThat(approved.availableActions(legal)).contains(ContractAction.TERMINATE);

        Contract signed = approved();
        signed.sign(TODAY, "甲方：王经理；乙方：张伟", UUID.randomUUID(), OWNER, TODAY, TODAY, NOW);
        assertThat(signed.availableActions(owner())).doesNotContain(ContractAction.TERMINATE);
        assertThat(signed.availableActions(manager)).contains(ContractAction.TERMINATE);
    }

    @Test
    void aTerminationNamesTheVersionItWasRead() {
        Contract c = approved();
        assertThatThrownBy(() -> c.requireVersion(null)).isInstanceOf(com.lead2cash.platform.VersionRequiredException.class);
        assertThatThrownBy(() -> c.requireVersion(c.version() == null ? 7L : c.version() + 1))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void K4_anArchivedContractIsNeverEditedAgain() {
        Contract c = approved();
        c.sign(TODAY, "甲方：王经理；乙方：张伟", UUID.randomUUID(), OWNER, TODAY, TODAY, NOW);
        c.archive("档案室 A-3", OWNER, NOW);

        assertThat(c.status()).isEqualTo(ContractStatus.ARCHIVED);
        assertThatThrownBy(() -> c.editSection("DELIVERY", null, "改过的交付条款。", NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("contract.locked");
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the status in words, not its code")
                            .contains("“Archived”").doesNotContain("ARCHIVED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("“已归档”").doesNotContain("ARCHIVED");
                });
        // a rule of the contract's state (422), not a stale version (409)
        assertThatThrownBy(() -> c.archive(null, OWNER, NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("contract.archive.notSigned"))
                .isNotInstanceOf(ConflictException.class);
        assertThat(c.availableActions(owner())).contains(ContractAction.AMEND).doesNotContain(ContractAction.EDIT);
    }

    @Test
    void R1_deletionIsRefusedBeforeTheRetentionHasEnded() {
        Contract c = approved();

        assertThatThrownBy(() -> c.requireRetentionEnded(LocalDate.of(2036, 12, 2)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("contract.retained"));
        assertThatCode(() -> c.requireRetentionEnded(LocalDate.of(2036, 12, 3))).doesNotThrowAnyException();

        // legal is offered no deletion before then: asked anyway, it is told until when the contract is kept
        ContractActor legal = new ContractActor(UUID.randomUUID(), Set.of(Role.LEGAL), false, false, Set.of(), false, TODAY);
        assertThat(c.availableActions(legal)).doesNotContain(ContractAction.DELETE);
        assertThatThrownBy(() -> c.requireAction(legal, ContractAction.DELETE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("contract.retained"));
        ContractActor later = new ContractActor(legal.userId(), legal.roles(), false, false, Set.of(), false,
                LocalDate.of(2036, 12, 3));
        assertThat(c.availableActions(later)).contains(ContractAction.DELETE);
    }

    @Test
    void anAmendmentNeitherChangesNorBringsTheAmountToTheLargestAContractTakes() {
        Contract c = approved();
        c.sign(TODAY, "甲方：王经理；乙方：张伟", UUID.randomUUID(), OWNER, TODAY, TODAY, NOW);
        BigDecimal current = c.amount();

        for (String change : List.of("9999999999999.99", "1E+15", "-9999999999999.99",
                Contract.MAX_AMOUNT.subtract(current).toPlainString())) {
            assertThatThrownBy(() -> ContractAmendment.record(c, current, 1, "补充协议", "调整数量", new BigDecimal(change),
                    TODAY, UUID.randomUUID(), OWNER, TODAY, NOW)).as(change)
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldValidationException.FieldError::field).containsExactly("amountChange"));
        }
        BigDecimal largest = Contract.MAX_AMOUNT.subtract(current).subtract(new BigDecimal("0.01"));
        assertThat(ContractAmendment.record(c, current, 1, "补充协议", "调整数量", largest, TODAY, UUID.randomUUID(), OWNER,
                TODAY, NOW).amountChange()).isEqualByComparingTo(largest);
    }

    @Test
    void aTerminationTakesEffectNotBeforeTheSigningNorAfterTheTermEndsNorMoreThanTenYearsAhead() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        Contract unsigned = draft("600000.00", milestones("600000.00"), "合同签订后 30 日内交付。");
        assertThatThrownBy(() -> unsigned.terminate("客户撤单", TODAY.minusDays(1), shanghai, NOW))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::messageKey).containsExactly("contract.termination.beforeDraft"));

        Contract c = approved();
        LocalDate signedOn = TODAY;
        c.sign(signedOn, "甲方：王经理；乙方：张伟", UUID.randomUUID(), OWNER, TODAY, TODAY, NOW);
        for (LocalDate day : List.of(signedOn.minusDays(1), TODAY.plusYears(10).plusDays(1), LocalDate.of(2199, 12, 5))) {
            assertThatThrownBy(() -> c.terminate("客户经营困难", day, shanghai, NOW)).as(day.toString())
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldValidationException.FieldError::field).containsExactly("effectiveOn"));
        }
        // walk finding: a termination effective in 2036 of a contract whose term ends 2027-11-30 was taken
        for (LocalDate day : List.of(LocalDate.of(2027, 12, 1), TODAY.plusYears(10))) {
            assertThatThrownBy(() -> c.terminate("客户经营困难", day, shanghai, NOW)).as(day.toString())
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldValidationException.FieldError::messageKey)
                            .containsExactly("contract.termination.afterTermEnd"));
        }
        assertThat(c.status()).isEqualTo(ContractStatus.SIGNED);

        Contract.Termination t = c.terminate(" 客户经营困难 ", LocalDate.of(2027, 11, 30), shanghai, NOW);

        assertThat(t).isEqualTo(new Contract.Termination(ContractStatus.SIGNED, LocalDate.of(2027, 11, 30), "客户经营困难"));
        assertThat(c.status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(approved().terminate("撤单", null, shanghai, NOW).effectiveOn()).as("today when not given").isEqualTo(TODAY);
    }
}
