package com.lead2cash.aftersales.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerMergeParticipant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When customers merge, the merged customer's after-sales records move to the survivor inside the merge's
 * transaction, each kind named for the audit trail. Only the link moves: the customer's name a handover or
 * complaint was written with, and the rep and team a survey rated, stay as they were.
 * <p>
 * Nothing here refuses a merge. A handover is one per signed contract, not per customer, so the survivor
 * simply has the handovers of both, as a customer with two contracts has; who serves it is, as always, the
 * owner of its latest accepted handover (docs/decisions/0010-customers.md, "Merge").
 */
final class AftersalesCustomerMerge {

    private AftersalesCustomerMerge() {
    }

    @Component
    static class Handovers extends CustomerMergeParticipant.Rows {

        Handovers(JdbcClient jdbc) {
            super(jdbc, "aftersales_handover", true, "handovers");
        }
    }

    @Component
    static class Complaints extends CustomerMergeParticipant.Rows {

        private final CustomerDirectory customers;
        private final ComplaintsFollowCustomerOwner owners;

        Complaints(JdbcClient jdbc, CustomerDirectory customers, ComplaintsFollowCustomerOwner owners) {
            super(jdbc, "aftersales_complaint", true, "complaints");
            this.customers = customers;
            this.owners = owners;
        }

        @Override
        public int moveToSurvivor(UUID mergedId, UUID survivorId) {
            int moved = super.moveToSurvivor(mergedId, survivorId);
            // an open complaint is seen by the customer's rep: the survivor's, as after a transfer; a survivor with no
            // rep takes the merged one's, whose complaints keep it
            customers.find(survivorId).map(CustomerDirectory.CustomerRef::ownerId)
                    .ifPresent(owner -> owners.giveOpenComplaints(survivorId, owner));
            return moved;
        }
    }

    @Component
    static class Surveys extends CustomerMergeParticipant.Rows {

        Surveys(JdbcClient jdbc) {
            super(jdbc, "aftersales_survey", false, "satisfactionSurveys");
        }
    }
}
