package com.lead2cash.quote.internal.minutes;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.opportunity.Opportunities;
import com.lead2cash.opportunity.Stage;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How negotiation minutes' confirmations read on screen: the opportunity, its page, its current owner (data scope). */
@Component
class MinutesConfirmationSubjects implements ConfirmationSubjects {

    private final Opportunities opportunities;
    private final NegotiationMinutesRepository minutes;

    MinutesConfirmationSubjects(Opportunities opportunities, NegotiationMinutesRepository minutes) {
        this.opportunities = opportunities;
        this.minutes = minutes;
    }

    /**
     * Locks the current minutes, then the opportunity (the minutes' answer path takes the minutes first), and answers
     * whether they are still out for the contact's answer: SENT, on an opportunity neither won nor lost (0040).
     * Otherwise their links are withdrawn and the contact's answer changes nothing.
     */
    @Override
    public boolean awaitsAnswer(String opportunityId) {
        UUID id;
        try {
            id = UUID.fromString(opportunityId);
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
        var current = minutes.findCurrentForUpdate(id);
        Stage stage = opportunities.lockedStage(id).orElse(null);
        return stage != null && current.map(m -> m.awaitsAnswer(stage)).orElse(false);
    }

    @Override
    public String subjectType() {
        return NegotiationMinutesService.SUBJECT;
    }

    @Override
    public Map<String, SubjectInfo> describe(Collection<String> opportunityIds) {
        Map<String, SubjectInfo> infos = new LinkedHashMap<>();
        for (String id : opportunityIds) {
            UUID opportunityId;
            try {
                opportunityId = UUID.fromString(id);
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            opportunities.find(opportunityId).ifPresent(o -> infos.put(id,
                    new SubjectInfo(o.code() + " " + o.name(), "/opportunities/" + o.id(), o.ownerId())));
        }
        return infos;
    }
}
