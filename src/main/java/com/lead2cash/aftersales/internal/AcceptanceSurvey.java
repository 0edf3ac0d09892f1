package com.lead2cash.aftersales.internal;

import com.lead2cash.aftersales.SatisfactionSurveys;
import com.lead2cash.aftersales.internal.domain.HandoverRepository;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.order.OrderAccepted;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After a delivery's acceptance (验收) the customer is asked how satisfied they are (满意度调查). The survey
 * goes to the contact who accepted online, else to the first reachable key contact handed over with the
 * contract (primary first) — the first of them with an e-mail address, else the first of them, whose link the
 * rep passes on by phone or WeChat; without either (accepted on the signed paper form, no handover) the customer's
 * primary contact. A customer without any contact gets none. The order's rep is told of the answer and is the one
 * it rates.
 */
@Component
public class AcceptanceSurvey {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceSurvey.class);

    private final SatisfactionSurveys surveys;
    private final HandoverRepository handovers;
    private final CustomerDirectory customers;

    AcceptanceSurvey(SatisfactionSurveys surveys, HandoverRepository handovers, CustomerDirectory customers) {
        this.surveys = surveys;
        this.handovers = handovers;
        this.customers = customers;
    }

    @ApplicationModuleListener
    void on(OrderAccepted accepted) {
        List<UUID> candidates = new ArrayList<>();
        if (accepted.contactId() != null) {
            candidates.add(accepted.contactId());
        }
        handovers.findByContractId(accepted.contractId())
                .or(() -> handovers.findLatestAccepted(accepted.customerId()))
                .ifPresent(h -> candidates.addAll(h.contactIds()));
        List<CustomerDirectory.ContactPoint> reachable = candidates.stream().distinct()
                .flatMap(id -> customers.contactPoint(id).stream())
                .filter(p -> p.customerId().equals(accepted.customerId()))
                .toList();
        // by e-mail where an address is known; else the rep passes the link on (the survey's card shows it)
        Optional<UUID> contact = reachable.stream().filter(p -> p.email() != null && !p.email().isBlank()).findFirst()
                .or(() -> reachable.stream().findFirst())
                .or(() -> customers.primaryContactPoint(accepted.customerId()))
                .map(CustomerDirectory.ContactPoint::contactId);
        if (contact.isEmpty()) {
            // an expected gap in the customer's record, not a failure
            log.info("order {}: no satisfaction survey, customer {} has no contact to ask", accepted.number(),
                    accepted.customerId());
            return;
        }
        surveys.send(new SatisfactionSurveys.SurveyRequest(SatisfactionSurveys.Occasion.ORDER_ACCEPTED,
                accepted.orderId(), accepted.customerId(), contact.get(), accepted.ownerId(), accepted.productLine(),
                accepted.number(), accepted.ownerId()));
    }
}
