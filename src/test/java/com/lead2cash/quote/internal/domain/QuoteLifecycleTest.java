package com.lead2cash.quote.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.testing.RefusalText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A quote version's transitions: submit under authority (Q2), review and sending (Q1), versions superseding (Q1), answers. */
class QuoteLifecycleTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    final UUID author = UUID.randomUUID();
    final UUID manager = UUID.randomUUID();
    final QuoteActor rep = new QuoteActor(author, true, false);
    final QuoteActor boss = new QuoteActor(manager, true, true);

    Quote draft(String discount) {
        BigDecimal d = new BigDecimal(discount);
        QuoteLine line = new QuoteLine(UUID.randomUUID(), "P-1", "工业网关", "4G", "台", new BigDecimal("1000.00"),
                new BigDecimal("1000.00"), new BigDecimal("1000.00"), new BigDecimal("2"), d, new BigDecimal("13"),
                QuoteTotals.lineTotal(new BigDecimal("2"), new BigDecimal("1000.00"), d));
        return Quote.draft(() -> "Q-2026-000001", UUID.randomUUID(), UUID.randomUUID(), author,
                new QuoteTerms(null, TODAY.plusDays(30), "30 天", "预付 30 %", null), List.of(line), Authority.REP, TODAY, NOW);
    }

    @Test
    void Q1_aDraftCarriesNumberRevisionAndDateAndItsTotals() {
        Quote q = draft("10");
        assertThat(q.number()).isEqualTo("Q-2026-000001");
        assertThat(q.revision()).isEqualTo(1);
        assertThat(q.quotedOn()).isEqualTo(TODAY);
        assertThat(q.subtotal()).isEqualByComparingTo("1800.00");
        assertThat(q.tax()).isEqualByComparingTo("234.00");
        assertThat(q.total()).isEqualByComparingTo("2034.00");
        assertThat(q.maxDiscount()).isEqualByComparingTo("10.00");
        assertThat(q.availableActions(rep, true)).containsExactlyInAnyOrder(QuoteAction.EDIT, QuoteAction.SUBMIT);
        assertThat(q.availableActions(boss, true)).contains(QuoteAction.REVIEW);
    }

    @Test
    void Q2_withinTheAuthorsAuthorityASubmittedQuoteIsApprovedAtOnce() {
        Quote q = draft("5");
        assertThat(q.submit(Authority.REP, Authority.REP, NOW)).isFalse();
        assertThat(q.status()).isEqualTo(QuoteStatus.APPROVED);
    }

    @Test
    void Q2_aboveTheAuthorsAuthorityItWaitsAndTheApprovalOutcomeIsApplied() {
        Quote approved = draft("10");
        assertThat(approved.submit(Authority.REP, Authority.MANAGER, NOW)).isTrue();
        assertThat(approved.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(approved.availableActions(rep, true)).containsExactly(QuoteAction.REVISE);
        approved.approved(manager, "价格合理", NOW);
        assertThat(approved.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(approved.reviewedBy()).as("the approver reviewed the pricing (Q1)").isEqualTo(manager);

        Quote rejected = draft("20");
        rejected.submit(Authority.MANAGER, Authority.DIRECTOR, NOW);
        rejected.backToDraft(NOW);
        assertThat(rejected.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(rejected.reviewedAt()).isNull();
    }

    @Test
    void Q1_anApprovedQuoteIsSentOnlyAfterAManagersReviewWhenThePolicyAsksForIt() {
        Quote q = draft("0");
        q.submit(Authority.REP, Authority.REP, NOW);
        assertThatThrownBy(() -> q.sent(null, true, NOW)).isInstanceOf(DomainException.class)
                .hasMessageContaining("quote.send.notReviewed");
        assertThat(q.availableActions(rep, true)).as("not offered before the review").containsExactly(QuoteAction.REVISE);
        assertThatThrownBy(() -> q.requireAction(rep, QuoteAction.SEND, true)).isInstanceOf(DomainException.class)
                .hasMessageContaining("quote.send.notReviewed");
        assertThat(q.availableActions(rep, false)).as("without the Q1 review in the policy")
                .containsExactlyInAnyOrder(QuoteAction.SEND, QuoteAction.REVISE);
        assertThatThrownBy(() -> q.review(rep, "自己审", NOW)).as("not the author").isInstanceOf(ForbiddenException.class);
        q.review(boss, "逻辑与价格无误", NOW);
        assertThat(q.reviewComment()).isEqualTo("逻辑与价格无误");
        assertThat(q.availableActions(rep, true)).containsExactlyInAnyOrder(QuoteAction.SEND, QuoteAction.REVISE);
        q.sent(null, true, NOW);
        assertThat(q.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(q.answered(true, false, NOW)).isTrue();
        assertThat(q.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThatThrownBy(() -> q.revise(author, TODAY, NOW)).as("kept as accepted").isInstanceOf(DomainException.class);
        assertThat(q.availableActions(rep, true)).as("nothing offered on an accepted version").isEmpty();
        assertThatThrownBy(() -> q.requireAction(rep, QuoteAction.REVISE, true)).as("its state refuses, not who asks (422)")
                .isInstanceOf(DomainException.class).hasMessageContaining("quote.revise.accepted");

        Quote unreviewed = draft("0");
        unreviewed.submit(Authority.REP, Authority.REP, NOW);
        unreviewed.sent(null, false, NOW);
        assertThat(unreviewed.status()).as("without the Q1 review in the policy").isEqualTo(QuoteStatus.SENT);
    }

    @Test
    void Q2_aVersionNotApprovedForSendingIsPrintedMarkedOneThatMayGoOrWentIsNot() {
        Quote sentBack = draft("20");
        assertThat(sentBack.printMark(true)).isEqualTo(QuotePrintMark.DRAFT);
        sentBack.submit(Authority.REP, Authority.DIRECTOR, NOW);
        assertThat(sentBack.printMark(true)).as("waiting on its approval").isEqualTo(QuotePrintMark.DRAFT);
        sentBack.backToDraft(NOW);
        assertThat(sentBack.printMark(false)).as("sent back: a draft again").isEqualTo(QuotePrintMark.DRAFT);

        Quote q = draft("0");
        q.submit(Authority.REP, Authority.REP, NOW);
        assertThat(q.printMark(true)).as("approved, the Q1 review still due").isEqualTo(QuotePrintMark.AWAITING_REVIEW);
        assertThat(q.printMark(false)).as("approved, no review asked").isEqualTo(QuotePrintMark.NONE);
        q.review(boss, null, NOW);
        assertThat(q.printMark(true)).isEqualTo(QuotePrintMark.NONE);
        q.sent(null, true, NOW);
        assertThat(q.printMark(true)).isEqualTo(QuotePrintMark.NONE);
        Quote next = q.revise(author, TODAY, NOW);
        assertThat(q.printMark(true)).isEqualTo(QuotePrintMark.SUPERSEDED);
        assertThat(next.printMark(true)).isEqualTo(QuotePrintMark.DRAFT);

        Quote accepted = draft("0");
        accepted.submit(Authority.REP, Authority.REP, NOW);
        accepted.sent(null, false, NOW);
        accepted.answered(true, false, NOW);
        assertThat(accepted.printMark(true)).isEqualTo(QuotePrintMark.NONE);
    }

    @Test
    void Q1_whoMayNeverReviewAVersionIsToldWhy() {
        Quote q = draft("0");
        QuoteActor managerAuthor = new QuoteActor(author, true, true);
        assertThat(q.availableActions(managerAuthor, true)).doesNotContain(QuoteAction.REVIEW);
        assertThatThrownBy(() -> q.review(managerAuthor, "自己审", NOW)).as("the author, a manager")
                .isInstanceOf(ForbiddenException.class).hasMessage("quote.review.ownQuote");
        assertThatThrownBy(() -> q.review(new QuoteActor(UUID.randomUUID(), true, false), null, NOW)).as("not a manager")
                .isInstanceOf(ForbiddenException.class).hasMessage("quote.review.managersOnly");
        assertThatThrownBy(() -> q.review(new QuoteActor(manager, false, true), null, NOW)).as("not working the opportunity")
                .isInstanceOf(ForbiddenException.class).hasMessage("error.forbidden");
        assertThat(q.reviewedAt()).as("nothing recorded").isNull();
    }

    @Test
    void Q1_aNewVersionSupersedesThePreviousWhichStaysAsItWas() {
        Quote v1 = draft("3");
        assertThatThrownBy(() -> v1.revise(author, TODAY, NOW)).as("a draft is edited, not revised")
                .isInstanceOf(DomainException.class);
        v1.submit(Authority.REP, Authority.REP, NOW);
        Quote v2 = v1.revise(author, TODAY.plusDays(2), NOW.plusSeconds(60));
        assertThat(v1.status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(v1.total()).isEqualByComparingTo("2192.20");
        assertThat(v2.number()).isEqualTo(v1.number());
        assertThat(v2.revision()).isEqualTo(2);
        assertThat(v2.quotedOn()).isEqualTo(TODAY.plusDays(2));
        assertThat(v2.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(v2.lines()).isEqualTo(v1.lines());
        assertThat(v2.id()).isNotEqualTo(v1.id());
        assertThat(v1.availableActions(rep, true)).isEmpty();
        assertThatThrownBy(() -> v1.revise(author, TODAY, NOW)).isInstanceOf(DomainException.class);
    }

    /** Walk finding: a quote valid until 2199 was kept. At most ten years from the day it is dated. */
    @Test
    void aQuoteIsValidAtMostTenYearsFromItsDate() {
        assertThatThrownBy(() -> QuoteTerms.validated(null, LocalDate.of(2199, 1, 1), null, null, null, TODAY))
                .isInstanceOfSatisfying(com.lead2cash.platform.FieldValidationException.class, e ->
                        assertThat(e.errors()).extracting(f -> f.field() + " " + f.messageKey())
                                .containsExactly("validUntil error.input.dateTooFarAhead"));
        assertThat(QuoteTerms.validated(null, TODAY.plusYears(10), null, null, null, TODAY).validUntil())
                .isEqualTo(TODAY.plusYears(10));
    }

    @Test
    void onlyADraftChangesAndSomeoneWhoDoesNotWorkTheOpportunityMayDoNothing() {
        Quote q = draft("0");
        q.submit(Authority.REP, Authority.REP, NOW);
        assertThatThrownBy(() -> q.change(new QuoteTerms(null, null, null, null, null), q.lines(), Authority.REP, TODAY, NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("quote.notDraft")
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the status in words, not its code")
                            .contains("“Approved”").doesNotContain("APPROVED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("“已批准”").doesNotContain("APPROVED");
                });
        QuoteActor outsider = new QuoteActor(UUID.randomUUID(), false, true);
        assertThat(q.availableActions(outsider, false)).isEmpty();
        assertThatThrownBy(() -> q.requireAction(outsider, QuoteAction.SEND, false)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aWonOrLostOpportunityRefusesItsQuotesByState422ToWhoWorksItAnd403ToWhoDoesNot() {
        Quote q = draft("0");
        q.submit(Authority.REP, Authority.REP, NOW);
        QuoteActor owner = new QuoteActor(author, true, false, Stage.LOST, false);
        assertThat(q.availableActions(owner, false)).isEmpty();
        assertThatThrownBy(() -> q.requireAction(owner, QuoteAction.REVISE, false))
                .isInstanceOf(DomainException.class).hasMessageContaining("quote.opportunityClosed");
        QuoteActor outsider = new QuoteActor(UUID.randomUUID(), false, true, Stage.LOST, false);
        assertThatThrownBy(() -> q.requireAction(outsider, QuoteAction.REVISE, false)).isInstanceOf(ForbiddenException.class);
    }

    Quote reviewedAndApproved() {
        Quote q = draft("0");
        q.submit(Authority.REP, Authority.REP, NOW);
        q.review(boss, "价格合理", NOW);
        return q;
    }

    @Test
    void O1_aQuoteIsSentOnlyFromTheProposalStageOnceTheEvaluationHasQualifiedTheOpportunity() {
        for (Stage before : new Stage[] {Stage.DISCOVERY, Stage.EVALUATION}) {
            Quote q = reviewedAndApproved();
            QuoteActor owner = new QuoteActor(author, true, false, before, false);
            assertThat(q.availableActions(owner, true)).as(before + ": not offered").containsExactly(QuoteAction.REVISE);
            assertThatThrownBy(() -> q.requireAction(owner, QuoteAction.SEND, true)).as(before + ": refused by the stage (422)")
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("quote.send.beforeProposal");
                        assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the stage in words").doesNotContain(before.name());
                    });
        }
        for (Stage proposing : new Stage[] {Stage.PROPOSAL, Stage.NEGOTIATION, Stage.CONTRACT}) {
            assertThat(reviewedAndApproved().availableActions(new QuoteActor(author, true, false, proposing, false), true))
                    .as(proposing.name()).contains(QuoteAction.SEND);
        }
    }

    @Test
    void Q1_onceTheCustomerAcceptedAQuoteOfTheOpportunityNoOtherQuoteOfItIsSent() {
        Quote other = reviewedAndApproved();
        QuoteActor owner = new QuoteActor(author, true, false, Stage.NEGOTIATION, true);
        assertThat(other.availableActions(owner, true)).doesNotContain(QuoteAction.SEND);
        assertThatThrownBy(() -> other.requireAction(owner, QuoteAction.SEND, true))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.send.anotherAccepted"));
    }

    /**
     * Q1 — once the customer accepted a quote of the opportunity no other quote of it is revised or taken a step towards
     * sending (0040): whatever its state, a version of it could never be sent. Revising is refused with
     * {@code quote.revise.anotherAccepted}, editing, submitting and reviewing with {@code quote.send.anotherAccepted}.
     */
    @Test
    void Q1_onceAnotherQuoteOfTheOpportunityWasAcceptedNoVersionIsRevisedOrTakenTowardsSending() {
        QuoteActor owner = new QuoteActor(author, true, false, Stage.NEGOTIATION, true);
        QuoteActor itsManager = new QuoteActor(manager, true, true, Stage.NEGOTIATION, true);
        Quote approved = reviewedAndApproved();
        Quote pending = draft("20");
        pending.submit(Authority.REP, Authority.MANAGER, NOW);
        Quote rejected = reviewedAndApproved();
        rejected.sent(null, true, NOW);
        rejected.answered(false, false, NOW);
        Quote sent = reviewedAndApproved();
        sent.sent(null, true, NOW);
        for (Quote q : List.of(approved, pending, rejected, sent)) {
            assertThat(q.availableActions(new QuoteActor(author, true, false, Stage.NEGOTIATION, false), true))
                    .as(q.status() + " with no quote accepted").contains(QuoteAction.REVISE);
            assertThat(q.availableActions(owner, true)).as(q.status() + ": its revision could never be sent").isEmpty();
            assertThatThrownBy(() -> q.requireAction(owner, QuoteAction.REVISE, true)).as(q.status().name())
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("quote.revise.anotherAccepted"));
        }
        assertThat(pending.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
        assertThat(rejected.status()).isEqualTo(QuoteStatus.REJECTED);

        Quote draft = draft("0");
        assertThat(draft.availableActions(owner, true)).as("a draft could never be sent either").isEmpty();
        assertThat(draft.availableActions(itsManager, true)).as("nor is it reviewed").isEmpty();
        assertThatThrownBy(() -> draft.requireAction(owner, QuoteAction.EDIT, true)).as("edit, in its own words")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.edit.anotherAccepted"));
        assertThatThrownBy(() -> draft.requireAction(owner, QuoteAction.SUBMIT, true)).as("submit")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.send.anotherAccepted"));
        assertThatThrownBy(() -> draft.review(itsManager, "价格合理", NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.send.anotherAccepted"));
        assertThat(draft.reviewedAt()).isNull();
        assertThat(draft.awaitsReviewBy(itsManager, true)).isFalse();
        assertThatThrownBy(() -> draft.requireAction(owner, QuoteAction.REVIEW, true)).as("the author never reviews")
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> draft.requireAction(owner, QuoteAction.SEND, true)).as("not a state that is sent")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.action.notNow"));
    }

    @Test
    void aSentQuoteIsNotRevisedOnceAnotherQuoteOfItsOpportunityWasAccepted() {
        Quote sent = reviewedAndApproved();
        sent.sent(null, true, NOW);
        assertThat(sent.availableActions(new QuoteActor(author, true, false, Stage.PROPOSAL, false), true))
                .contains(QuoteAction.REVISE);
        QuoteActor owner = new QuoteActor(author, true, false, Stage.NEGOTIATION, true);
        assertThat(sent.availableActions(owner, true)).as("its revision could never be sent").doesNotContain(QuoteAction.REVISE);
        assertThatThrownBy(() -> sent.requireAction(owner, QuoteAction.REVISE, true))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("quote.revise.anotherAccepted"));
    }

    /**
     * 0052 — an answer is recorded only while the opportunity is open (an answer after the close is withdrawn, 0040); one
     * recorded just before the close counts on the quote when it is applied after it, as it did when applied before.
     */
    @Test
    void anAnswerRecordedBeforeTheOpportunityClosedCountsAndASecondAcceptanceChangesNothing() {
        for (boolean accepted : new boolean[] {true, false}) {
            Quote q = reviewedAndApproved();
            q.sent(null, true, NOW);
            assertThat(q.answered(accepted, false, NOW.plusSeconds(60))).isTrue();
            assertThat(q.status()).isEqualTo(accepted ? QuoteStatus.ACCEPTED : QuoteStatus.REJECTED);
            assertThat(q.answeredAt()).isEqualTo(NOW.plusSeconds(60));
        }
        Quote second = reviewedAndApproved();
        second.sent(null, true, NOW);
        assertThat(second.answered(true, true, NOW)).as("another quote was accepted first").isFalse();
        assertThat(second.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(second.answeredAt()).isNull();
        assertThat(second.answered(false, true, NOW)).as("a rejection still counts").isTrue();
        assertThat(second.status()).isEqualTo(QuoteStatus.REJECTED);
    }
}
