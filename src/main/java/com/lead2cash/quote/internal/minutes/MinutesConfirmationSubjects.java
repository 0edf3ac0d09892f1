package com.lead2cash.quote.internal.minutes;

import com.lead2cash.confirmation.ConfirmationSubjects;
import com.lead2cash.opportunity.Opportunities;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How negotiation minutes' confirmations read on screen: the opportunity, its page, its current owner (data scope). */
@Component
class MinutesConfirmationSubjects implements ConfirmationSubjects {

    private final Opportunities opportunities;

    MinutesConfirmationSubjects(Opportunities opportunities) {
        this.opportunities = opportunities;
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
