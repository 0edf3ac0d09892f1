package com.lead2cash.aftersales;

import java.util.UUID;

/**
 * Sends a short satisfaction survey (满意度调查) to a customer's contact through the confirmation module:
 * a rating from 1 to 5 with a comment. The after-sales module sends one when a complaint closes without
 * the customer's rating (a closing rating is itself the complaint's result) and when it hears that an
 * order's delivery was accepted. One survey per occasion and subject; asking again sends
 * nothing. Joins the caller's transaction.
 */
public interface SatisfactionSurveys {

    /** When the survey is sent: after a complaint closed, after an order's acceptance. */
    enum Occasion { COMPLAINT_CLOSED, ORDER_ACCEPTED }

    /**
     * What the survey is about and whose work it rates: {@code repId} is the customer's rep (the team is
     * theirs), {@code productLine} may be null; {@code requestedBy}
     * is told when the contact answers.
     */
    record SurveyRequest(Occasion occasion, UUID subjectId, UUID customerId, UUID contactId, UUID repId,
                         String productLine, String subjectLabel, UUID requestedBy) {
    }

    /**
     * Sends the survey to the contact, by e-mail when they have an address; without one the survey is made all
     * the same and its link goes by phone or WeChat (the survey's card renews it). Answers the confirmation with
     * its link (to show as a QR code too) when sent now, empty when not sent (a contact not of the customer) or
     * sent before.
     */
    java.util.Optional<com.lead2cash.confirmation.SentConfirmation> send(SurveyRequest request);
}
