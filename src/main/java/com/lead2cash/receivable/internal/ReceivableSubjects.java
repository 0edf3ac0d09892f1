package com.lead2cash.receivable.internal;

import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a payment plan's deadline (P1 reminder) reads on the deadline screens: its contract and position, linking
 * to its page when the reader may open it.
 */
@Component
class ReceivableSubjects extends SubjectDescriptions {

    ReceivableSubjects(JdbcClient jdbc, ReceivableAccess access) {
        super(SubjectDescriptions.of(ReceivableAccess.SUBJECT, () -> jdbc.sql(
                        "select id, contract_number, position, owner_id from receivable_plan where id in (:ids)"))
                .label(rs -> rs.getString("contract_number") + " #" + rs.getInt("position"))
                .link(rs -> "/receivables/" + rs.getObject("id", UUID.class))
                .openTo(access::visibleOwners, (visible, rs) -> visible.test(rs.getObject("owner_id", UUID.class))));
    }
}
