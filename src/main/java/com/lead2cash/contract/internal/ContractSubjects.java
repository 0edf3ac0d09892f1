package com.lead2cash.contract.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a contract's deadlines (K3 signing, K4 archiving) read on the deadline screens: its number and title,
 * linking to its page when the reader may open it.
 */
@Component
class ContractSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;
    private final ContractAccess access;

    ContractSubjects(JdbcClient jdbc, ContractAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Override
    public String subjectType() {
        return ContractAccess.SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        BiPredicate<UUID, Boolean> visible = access.visibleContracts();
        return SubjectDescriber.byRows(jdbc.sql("""
                        select id, number, title, owner_id, submitted_at is not null as submitted
                        from contract_contract where id in (:ids)"""), subjectIds,
                rs -> new SubjectLabel(rs.getString("number") + " " + rs.getString("title"),
                        visible.test(rs.getObject("owner_id", UUID.class), rs.getBoolean("submitted"))
                                ? "/contracts/" + rs.getObject("id", UUID.class) : null));
    }
}
