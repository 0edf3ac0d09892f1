package com.lead2cash.customer;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Implemented by a module that keeps records of a customer (opportunities, needs analyses…): when two
 * customers merge, the customer module calls every participant inside the merge's transaction, so
 * the merge moves everything or nothing.
 */
public interface CustomerMergeParticipant {

    /** Moves the module's records of {@code mergedId} to {@code survivorId}; returns how many moved. */
    int moveToSurvivor(UUID mergedId, UUID survivorId);

    /**
     * The key of what moves in the merge's answer ({@code moved}) and its audit entry: a field name, camelCase as every
     * field of the API (SPEC §6) — "opportunities", "paymentPlansAndReceipts"; a module's own, unique among them.
     */
    String what();

    /**
     * A module's records that are the rows of one of its tables holding the customer in {@code customer_id}: only
     * the link moves. A versioned table's rows get a new version, so a form opened before the merge refuses
     * instead of writing the old customer back. The module names its own table (its rows stay its own).
     */
    abstract class Rows implements CustomerMergeParticipant {

        private final JdbcClient jdbc;
        private final String sql;
        private final String what;

        protected Rows(JdbcClient jdbc, String table, boolean versioned, String what) {
            this.jdbc = jdbc;
            this.sql = "update " + table + " set customer_id = :s" + (versioned ? ", version = version + 1" : "")
                    + " where customer_id = :m";
            this.what = what;
        }

        @Override
        public int moveToSurvivor(UUID mergedId, UUID survivorId) {
            return jdbc.sql(sql).param("s", survivorId).param("m", mergedId).update();
        }

        @Override
        public String what() {
            return what;
        }
    }
}
