package com.lead2cash.contract.internal;

import com.lead2cash.sop.SubjectDescriber;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How a contract's deadlines (K3 signing, K4 archiving) read on the deadline screens: its number and title. */
@Component
class ContractSubjects implements SubjectDescriber {

    private final JdbcClient jdbc;

    ContractSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String subjectType() {
        return ContractAccess.SUBJECT;
    }

    @Override
    public Map<String, SubjectLabel> describe(Collection<String> subjectIds) {
        List<UUID> ids = SubjectDescriber.uuids(subjectIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, number, title from contract_contract where id in (:ids)").param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getObject("id", UUID.class).toString(),
                        new SubjectLabel(rs.getString("number") + " " + rs.getString("title"),
                                "/contracts/" + rs.getObject("id", UUID.class))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
