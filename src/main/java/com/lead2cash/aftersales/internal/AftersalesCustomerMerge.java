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

    private static int move(JdbcClient jdbc, String sql, UUID mergedId, UUID survivorId) {
        return jdbc.sql(sql).param("s", survivorId).param("m", mergedId).update();
    }

    @Component
    static class Handovers implements CustomerMergeParticipant {

        private final JdbcClient jdbc;

        Handovers(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public int moveToSurvivor(UUID mergedId, UUID survivorId) {
            return move(jdbc, "update aftersales_handover set customer_id = :s, version = version + 1 where customer_id = :m",
                    mergedId, survivorId);
        }

        @Override
        public String what() {
            return "handovers";
        }
    }

    @Component
    static class Complaints implements CustomerMergeParticipant {

        private final JdbcClient jdbc;
        private final CustomerDirectory customers;

        Complaints(JdbcClient jdbc, CustomerDirectory customers) {
            this.jdbc = jdbc;
            this.customers = customers;
        }

        @Override
        public int moveToSurvivor(UUID mergedId, UUID survivorId) {
            // an open complaint is seen by the customer's rep: the survivor's, as after a transfer
            // (ComplaintsFollowCustomerOwner); a survivor with no rep takes the merged one's, whose complaints keep it
            customers.find(survivorId).map(CustomerDirectory.CustomerRef::ownerId).ifPresent(owner ->
                    jdbc.sql("update aftersales_complaint set customer_owner_id = :o where customer_id = :m"
                                    + " and status <> 'CLOSED' and customer_owner_id is distinct from :o")
                            .param("o", owner).param("m", mergedId).update());
            return move(jdbc, "update aftersales_complaint set customer_id = :s, version = version + 1 where customer_id = :m",
                    mergedId, survivorId);
        }

        @Override
        public String what() {
            return "complaints";
        }
    }

    @Component
    static class Surveys implements CustomerMergeParticipant {

        private final JdbcClient jdbc;

        Surveys(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public int moveToSurvivor(UUID mergedId, UUID survivorId) {
            return move(jdbc, "update aftersales_survey set customer_id = :s where customer_id = :m", mergedId, survivorId);
        }

        @Override
        public String what() {
            return "satisfaction surveys";
        }
    }
}
