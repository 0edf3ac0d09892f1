package com.lead2cash.approval.internal.web;

import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNames;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a delegation reads where records are listed by type and id (the audit screen): who lets whom decide, from which
 * day to which ("张三 → 李四, 2026-12-01 – 2026-12-05"), linking to the delegations page for the two it concerns (the
 * page lists a person's delegations, given or received).
 */
@Component
class DelegationRecordNames implements RecordNames {

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final MessageSource messages;

    DelegationRecordNames(JdbcClient jdbc, OrgDirectory org, MessageSource messages) {
        this.jdbc = jdbc;
        this.org = org;
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return "Delegation";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> ids) {
        List<UUID> uuids = RecordNames.uuids(ids);
        if (uuids.isEmpty()) {
            return Map.of();
        }
        record Row(UUID id, UUID delegatorId, UUID delegateId, LocalDate startsOn, LocalDate endsOn) {
        }
        List<Row> rows = jdbc.sql("select id, delegator_id, delegate_id, starts_on, ends_on from approval_delegation"
                        + " where id in (:ids)")
                .param("ids", uuids)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getObject("delegator_id", UUID.class),
                        rs.getObject("delegate_id", UUID.class), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
        Map<UUID, OrgDirectory.Person> people = rows.isEmpty() ? Map.of()
                : org.people(rows.stream().flatMap(r -> Stream.of(r.delegatorId(), r.delegateId())).distinct().toList());
        UUID me = CurrentUser.get().map(CurrentUser::id).orElse(null);
        Map<String, RecordName> names = new HashMap<>();
        for (Row row : rows) {
            names.put(row.id().toString(), new RecordName(
                    messages.getMessage("approval.delegation.recordName", new Object[] {name(people, row.delegatorId()),
                            name(people, row.delegateId()), row.startsOn().toString(), row.endsOn().toString()},
                            LocaleContextHolder.getLocale()),
                    row.delegatorId().equals(me) || row.delegateId().equals(me) ? "/approvals/delegations" : null));
        }
        return names;
    }

    private static String name(Map<UUID, OrgDirectory.Person> people, UUID id) {
        OrgDirectory.Person person = people.get(id);
        return person == null ? id.toString() : person.displayName();
    }
}
