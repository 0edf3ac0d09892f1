package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.SatisfactionSurveys.Occasion;
import com.lead2cash.confirmation.ConfirmationView;
import com.lead2cash.confirmation.EmailDelivery;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.RecordNotFoundException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A satisfaction survey as its card shows it to the reader: its confirmation now (state, recipient, whether it has
 * an e-mail address) and what the reader may do with its link. The link itself is never kept: it exists only in the
 * answer to {@link SurveyService#renewLink}.
 *
 * @param email           whether the survey went to the contact by e-mail, and if not why
 * @param customerVisible whether the reader may read the survey's customer — reads it in the customer module, or serves
 *                        it in after-sales ({@link AftersalesAccess#serves}: its after-sales owner, the handler of the
 *                        complaint the survey is about); who may not is never handed its link
 */
public record Survey(UUID id, Occasion occasion, UUID subjectId, ConfirmationView confirmation, EmailDelivery email,
                     boolean customerVisible) {

    /** What the rep (or whoever serves the customer) may do with the survey's link. */
    public enum Action { RENEW_LINK }

    /** A fresh link while the contact may still answer (not answered, superseded or expired), to one who reads the customer. */
    public Set<Action> availableActions() {
        return customerVisible && confirmation.isOpen() ? EnumSet.of(Action.RENEW_LINK) : EnumSet.noneOf(Action.class);
    }

    /**
     * Why the action is not offered, empty when it is: 404 to one who may not read the customer (never a hint), 422
     * once the contact can no longer answer.
     */
    public Optional<DomainException> refusal(Action action) {
        if (availableActions().contains(action)) {
            return Optional.empty();
        }
        if (!customerVisible) {
            return Optional.of(new RecordNotFoundException(AftersalesAccess.SURVEY, id));
        }
        return Optional.of(new DomainException("confirmation.notOpen"));
    }

    /** Refuses the action unless offered, as {@link #refusal} says why. */
    public void requireAction(Action action) {
        Optional<DomainException> refused = refusal(action);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }
}
