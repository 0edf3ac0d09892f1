package com.lead2cash.receivable.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a payment plan's deadline (P1 reminder) reads on the deadline screens: its contract and position, linking
 * to its page when the reader may open it.
 */
@Component
class ReceivableSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final ReceivableAccess access;

    ReceivableSubjects(JdbcClient jdbc, ReceivableAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return ReceivableAccess.SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        Predicate<UUID> visible = access.visibleOwners();
        return SubjectDescriber.byRows(jdbc.sql(
                        "select id, contract_number, position, owner_id from receivable_plan where id in (:ids)"), subjectIds,
                rs -> new SubjectLabel(rs.getString("contract_number") + " #" + rs.getInt("position"),
                        visible.test(rs.getObject("owner_id", UUID.class))
                                ? "/receivables/" + rs.getObject("id", UUID.class) : null));
    }
}
