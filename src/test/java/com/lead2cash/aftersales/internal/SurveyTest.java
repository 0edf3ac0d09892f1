package com.lead2cash.aftersales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lead2cash.aftersales.SatisfactionSurveys.Occasion;
import com.lead2cash.confirmation.ConfirmationState;
import com.lead2cash.confirmation.ConfirmationSubject;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.EmailDelivery;
import com.lead2cash.confirmation.EmailNotSent;
import com.lead2cash.confirmation.Purpose;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A survey answers what the reader may do with its link, and why not: 404 out of scope, 422 once it cannot be answered. */
class SurveyTest {

    static Survey survey(ConfirmationState state, boolean customerVisible) {
        UUID id = UUID.randomUUID();
        ConfirmationView confirmation = new ConfirmationView(UUID.randomUUID(), Purpose.RATE,
                ConfirmationSubject.of(AftersalesAccess.SURVEY, id, 1), state, "服务满意度调查", UUID.randomUUID(), "李工",
                null, UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-05T02:00:00Z"), null, null, null, null,
                false, null, null, state == ConfirmationState.RATED ? 5 : null, null, null);
        return new Survey(id, Occasion.ORDER_ACCEPTED, UUID.randomUUID(), confirmation,
                new EmailDelivery(false, EmailNotSent.NO_ADDRESS), customerVisible);
    }

    @Test
    void anOpenSurveyOffersANewLinkToWhoReadsItsCustomer() {
        for (ConfirmationState open : new ConfirmationState[] {ConfirmationState.SENT, ConfirmationState.VIEWED}) {
            Survey s = survey(open, true);
            assertThat(s.availableActions()).containsExactly(Survey.Action.RENEW_LINK);
            assertThat(s.refusal(Survey.Action.RENEW_LINK)).isEmpty();
            s.requireAction(Survey.Action.RENEW_LINK);
        }
    }

    @Test
    void anAnsweredSupersededOrExpiredSurveyOffersNoNewLinkAndRefuses422() {
        for (ConfirmationState closed : new ConfirmationState[] {ConfirmationState.RATED, ConfirmationState.EXPIRED,
                ConfirmationState.SUPERSEDED}) {
            Survey s = survey(closed, true);
            assertThat(s.availableActions()).as(closed.name()).isEmpty();
            assertThatThrownBy(() -> s.requireAction(Survey.Action.RENEW_LINK))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("confirmation.notOpen"))
                    .isNotInstanceOf(RecordNotFoundException.class);
        }
    }

    @Test
    void whoMayNotReadTheCustomerIsOfferedNothingAndRefused404NeverAHint() {
        for (ConfirmationState state : new ConfirmationState[] {ConfirmationState.SENT, ConfirmationState.RATED}) {
            Survey s = survey(state, false);
            assertThat(s.availableActions()).isEmpty();
            assertThatThrownBy(() -> s.requireAction(Survey.Action.RENEW_LINK)).isInstanceOf(RecordNotFoundException.class);
        }
    }
}
