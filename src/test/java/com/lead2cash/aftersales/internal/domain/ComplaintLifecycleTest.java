package com.lead2cash.aftersales.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.sop.SopPolicy;
import com.lead2cash.testing.RefusalText;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComplaintLifecycleTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    final UUID handler = UUID.randomUUID();
    final Complaint.Actor works = new Complaint.Actor(handler, true);
    final Complaint.Actor onlooker = new Complaint.Actor(UUID.randomUUID(), false);

    Complaint received() {
        return Complaint.receive("CP-2026-000001", new Complaint.Receipt(UUID.randomUUID(), "杭州甲方科技有限公司",
                        UUID.randomUUID(), null, "工业网关", ComplaintCategory.PRODUCT, Severity.MAJOR, ReceivedVia.PHONE,
                        "网关频繁掉线"), handler, handler,
                new Complaint.Sla(1, T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofDays(2)), false), null, T0);
    }

    Complaint handling() {
        Complaint c = received();
        c.classify(ComplaintCategory.PRODUCT, Severity.MAJOR, null, null,
                new Complaint.Sla(1, c.responseDueAt(), c.resolutionDueAt(), false), works, T0);
        c.respond("已致电客户，安排工程师排查", works, T0.plusSeconds(600));
        return c;
    }

    static Complaint.RootCause fiveWhys() {
        return new Complaint.RootCause(List.of("网关掉线", "固件看门狗超时", "新版固件未做高温测试", "测试用例缺高温场景",
                        "测试规范未随产品更新"), "测试规范未覆盖高温场景", "为客户升级修复固件", UUID.randomUUID(),
                TODAY.plusDays(3), "测试规范增加高温场景", UUID.randomUUID(), TODAY.plusDays(30));
    }

    @Test
    void theLifecycleRunsReceivedClassifiedHandlingFeedbackClosedAndRefusesSkippingAStep() {
        Complaint c = received();
        assertThat(c.availableActions(works)).containsExactlyInAnyOrder(Complaint.Action.CLASSIFY,
                Complaint.Action.ADD_EVIDENCE);
        assertThatThrownBy(() -> c.respond("x", works, T0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> c.giveFeedback("x", works, T0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> c.close(null, List.of(), "reason", works, T0)).isInstanceOf(DomainException.class);
        assertThat(c.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(c.availableActions(onlooker)).isEmpty();
        assertThatThrownBy(() -> c.classify(ComplaintCategory.PRODUCT, Severity.MAJOR, null, null,
                new Complaint.Sla(1, c.responseDueAt(), c.resolutionDueAt(), false), onlooker, T0))
                .as("who asks: 403").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> c.respond("x", works, T0)).as("the status: 422").isInstanceOf(DomainException.class)
                .isNotInstanceOf(ForbiddenException.class)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).as("the status in words, not its code")
                            .contains("“Received”").doesNotContain("RECEIVED");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains("“已受理”").doesNotContain("RECEIVED");
                });
    }

    @Test
    void S2_theResolutionIsRefusedUntilTheRootCauseAndTheCorrectiveActionAreRecorded() {
        Complaint c = handling();
        assertThat(c.availableActions(works)).as("not offered before the root cause")
                .containsExactlyInAnyOrder(Complaint.Action.ANALYSE, Complaint.Action.ADD_EVIDENCE);
        assertThatThrownBy(() -> c.giveFeedback("已升级固件", works, T0)).isInstanceOf(DomainException.class)
                .hasMessage("aftersales.error.rootCauseFirst");
        c.analyse(new Complaint.RootCause(List.of("网关掉线"), "测试规范未覆盖高温场景", null, null, null, null, null, null),
                works, TODAY);
        assertThat(c.availableActions(works)).as("nor with the root cause but no corrective action")
                .doesNotContain(Complaint.Action.GIVE_FEEDBACK);
        assertThatThrownBy(() -> c.giveFeedback("已升级固件", works, T0)).isInstanceOf(DomainException.class)
                .hasMessage("aftersales.error.rootCauseFirst");
        assertThat(c.status()).isEqualTo(ComplaintStatus.HANDLING);
        c.analyse(fiveWhys(), works, TODAY);
        assertThat(c.availableActions(works)).as("offered once both are recorded")
                .containsExactlyInAnyOrder(Complaint.Action.ANALYSE, Complaint.Action.GIVE_FEEDBACK,
                        Complaint.Action.ADD_EVIDENCE);
        assertThat(c.whys()).hasSize(5);
        c.giveFeedback("已升级固件并回访确认", works, T0.plusSeconds(3600));
        assertThat(c.status()).isEqualTo(ComplaintStatus.FEEDBACK);
        assertThat(c.slaState(T0.plus(Duration.ofDays(10)))).isEqualTo(Complaint.SlaState.MET);
    }

    @Test
    void anActionNeedsAnOwnerAndADueDateNotInThePastAndFiveWhysAtMost() {
        Complaint c = handling();
        var noOwner = new Complaint.RootCause(List.of("为什么"), "根因", "纠正", null, TODAY.minusDays(1), null, null, null);
        assertThatThrownBy(() -> c.analyse(noOwner, works, TODAY))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field)
                        .containsExactlyInAnyOrder("correctiveOwnerId", "correctiveDueOn"));
        var six = new Complaint.RootCause(List.of("1", "2", "3", "4", "5", "6"), "根因", null, null, null, null, null, null);
        assertThatThrownBy(() -> c.analyse(six, works, TODAY)).isInstanceOf(FieldValidationException.class);
        assertThat(c.rootCauseAnalysis().rootCause()).isNull();
    }

    @Test
    void theRootCauseIsSavedWithAtLeastOneWhyAndBlankWhysDoNotLeaveGaps() {
        Complaint c = handling();
        for (List<String> none : List.of(List.<String>of(), List.of("", "  "))) {
            var noWhy = new Complaint.RootCause(none, "根因", null, null, null, null, null, null);
            assertThatThrownBy(() -> c.analyse(noWhy, works, TODAY)).as(none.toString())
                    .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(f -> assertThat(f.field()).isEqualTo("whys"))
                            .satisfies(f -> assertThat(f.messageKey()).isEqualTo("aftersales.error.oneWhy")));
        }
        assertThat(c.rootCauseAnalysis().rootCause()).as("nothing saved").isNull();

        c.analyse(new Complaint.RootCause(List.of(" ", "固件看门狗超时"), "根因", null, null, null, null, null, null),
                works, TODAY);
        assertThat(c.whys()).as("the first Why is the first one given").containsExactly("固件看门狗超时");
    }

    @Test
    void closingIsRefusedWithoutTheCustomersRatingOrAReasonAndTakesEither() {
        Complaint c = handling();
        c.analyse(fiveWhys(), works, TODAY);
        c.giveFeedback("已升级固件", works, T0);
        assertThatThrownBy(() -> c.close(null, List.of(), "   ", works, T0)).isInstanceOf(DomainException.class)
                .hasMessage("aftersales.error.closeNeedsRating");
        assertThat(c.status()).isEqualTo(ComplaintStatus.FEEDBACK);
        c.close(null, List.of(), "客户联系人已离职，无法取得评价", works, T0.plusSeconds(60));
        assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(c.noRatingReason()).isEqualTo("客户联系人已离职，无法取得评价");
        assertThat(c.availableActions(works)).isEmpty();
    }

    Complaint awaitingRating() {
        Complaint c = handling();
        c.analyse(fiveWhys(), works, TODAY);
        c.giveFeedback("已升级固件", works, T0);
        return c;
    }

    @Test
    void onlyTheLatestRatingClosesTheComplaintOneGivenBeforeTheRatingWasAskedAgainIsRefused() {
        Complaint c = awaitingRating();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        c.ratingRequested(first, works);
        Complaint.Rating five = new Complaint.Rating(first, T0.plusSeconds(60), 5, "很满意");
        c.ratingRequested(second, works);
        Complaint.Rating three = new Complaint.Rating(second, T0.plusSeconds(120), 3, "一般");
        List<Complaint.Rating> both = List.of(five, three);
        assertThat(c.latestRating(both)).contains(three);
        assertThatThrownBy(() -> c.close(first, both, null, works, T0.plusSeconds(180)))
                .as("the rating given before it was asked again").isInstanceOf(DomainException.class)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("aftersales.error.notLatestRating");
                    assertThat(RefusalText.of(e, Locale.CHINESE)).contains(c.code(), "3 / 5");
                    assertThat(RefusalText.of(e, Locale.ENGLISH)).contains("customer's latest rating (3 / 5)");
                });
        assertThatThrownBy(() -> c.close(null, both, "客户拒绝评价", works, T0.plusSeconds(180)))
                .isInstanceOf(DomainException.class).hasMessage("aftersales.error.ratedAlready");
        assertThat(c.status()).as("nothing changed").isEqualTo(ComplaintStatus.FEEDBACK);
        assertThat(c.rating()).isNull();
        assertThat(c.ratingConfirmationId()).isEqualTo(second);

        c.close(second, both, null, works, T0.plusSeconds(180));
        assertThat(c.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(c.rating()).isEqualTo(3);
        assertThat(c.ratingComment()).isEqualTo("一般");
        assertThat(c.ratingConfirmationId()).isEqualTo(second);
    }

    @Test
    void aRatingGivenBeforeTheRatingWasAskedAgainClosesTheComplaintWhileTheNewLinkIsUnanswered() {
        Complaint c = awaitingRating();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        c.ratingRequested(first, works);
        Complaint.Rating four = new Complaint.Rating(first, T0.plusSeconds(60), 4, null);
        c.ratingRequested(second, works);
        assertThat(c.latestRating(List.of(four))).as("the latest rating there is").contains(four);
        assertThatThrownBy(() -> c.close(second, List.of(four), null, works, T0.plusSeconds(120)))
                .as("the new link is not answered yet").isInstanceOf(DomainException.class)
                .hasMessage("aftersales.error.notRatedYet");
        c.close(first, List.of(four), null, works, T0.plusSeconds(120));
        assertThat(c.rating()).isEqualTo(4);
        assertThat(c.ratingConfirmationId()).isEqualTo(first);
    }

    @Test
    void theSlaIsBreachedOnceADueTimePassesUnmetOrWasMetLate() {
        Complaint c = received();
        assertThat(c.slaState(T0.plus(Duration.ofHours(3)))).isEqualTo(Complaint.SlaState.ON_TRACK);
        assertThat(c.slaState(T0.plus(Duration.ofHours(5)))).isEqualTo(Complaint.SlaState.BREACHED);
    }

    @Test
    void S3_criticalComplaintsAreLevelOneByTheDefaultPolicy() {
        AftersalesRules rules = SopPolicy.defaults().bind(AftersalesRules.class);
        assertThat(rules.isLevelOne(Severity.CRITICAL)).isTrue();
        assertThat(rules.isLevelOne(Severity.MAJOR)).isFalse();
        assertThat(rules.isLevelOne(Severity.MINOR)).isFalse();
    }

    @Test
    void S3_thePolicyOffersExactlyTheSeveritiesThisModuleKnows() {
        assertThat(RuleCatalog.require(AftersalesRules.LEVEL_ONE).param("severities").orElseThrow().choices())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Severity.values()).map(Enum::name).toList());
    }
}
