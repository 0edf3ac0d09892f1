package com.lead2cash.quote.internal.minutes;

import com.lead2cash.quote.Quotes;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Quotes} for the contract module: the confirmed negotiation minutes it drafts from. */
@Service
@Transactional(readOnly = true)
class MinutesForContracts implements Quotes {

    private final NegotiationMinutesRepository minutes;

    MinutesForContracts(NegotiationMinutesRepository minutes) {
        this.minutes = minutes;
    }

    @Override
    public Optional<ConfirmedMinutes> confirmedMinutes(UUID opportunityId) {
        return minutes.findByOpportunity(opportunityId).stream()
                .filter(m -> m.status() == MinutesStatus.CONFIRMED)
                .findFirst()
                .map(m -> new ConfirmedMinutes(m.id(), m.opportunityId(), m.revision(), m.heldOn(), m.agreedPrice(),
                        m.currency(), m.milestones().stream().map(p -> new Milestone(p.type().name(), p.percent(),
                        p.amountOf(m.agreedPrice()), p.dueCondition())).toList(), m.deliveryStandard(), m.liability(),
                        m.openIssues(), m.answeredAt()));
    }
}
