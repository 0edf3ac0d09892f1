package com.lead2cash.contract.internal;

import com.lead2cash.sop.SubjectDescriptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a contract's deadlines (K3 signing, K4 archiving) read on the deadline screens: its number and title,
 * linking to its page when the reader may open it.
 */
@Component
class ContractSubjects extends SubjectDescriptions {

    ContractSubjects(JdbcClient jdbc, ContractAccess access) {
        super(SubjectDescriptions.of(ContractAccess.SUBJECT, () -> jdbc.sql("""
                        select id, number, title, owner_id, submitted_at is not null as submitted
                        from contract_contract where id in (:ids)"""))
                .label(rs -> rs.getString("number") + " " + rs.getString("title"))
                .link(rs -> "/contracts/" + rs.getObject("id", UUID.class))
                .openTo(access::visibleContracts, (visible, rs) ->
                        visible.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("submitted"))));
    }
}
