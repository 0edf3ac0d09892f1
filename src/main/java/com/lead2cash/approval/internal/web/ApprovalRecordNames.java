package com.lead2cash.approval.internal.web;

import com.lead2cash.approval.internal.ApprovalService;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.RecordNames;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How an approval reads where records are listed by type and id (the audit screen): the approval of what kind of
 * record, by its title (which carries the record's number: "Approval of Quote BJ-2026-000012 v2 · …"), linking to the
 * approval's page when the reader may see it (involved in it, or an overseer).
 */
@Component
class ApprovalRecordNames implements RecordNames {

    private final JdbcClient jdbc;
    private final ApprovalService approvals;
    private final ApprovalLabels labels;
    private final MessageSource messages;

    ApprovalRecordNames(JdbcClient jdbc, ApprovalService approvals, ApprovalLabels labels, MessageSource messages) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.labels = labels;
        this.messages = messages;
    }

    @Override
    public String recordType() {
        return "Approval";
    }

    @Override
    public Map<String, RecordName> names(Collection<String> ids) {
        List<UUID> uuids = RecordNames.uuids(ids);
        if (uuids.isEmpty()) {
            return Map.of();
        }
        record Row(UUID id, String subjectType, String title) {
        }
        List<Row> rows = jdbc.sql("select id, subject_type, title from approval where id in (:ids)")
                .param("ids", uuids)
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("subject_type"),
                        rs.getString("title")))
                .list();
        // whether an approval opens for the reader is the approval's own answer, as on its deadlines (ApprovalSubjects)
        Set<UUID> visible = rows.isEmpty() ? Set.of() : CurrentUser.get()
                .map(me -> approvals.visibleAmong(rows.stream().map(Row::id).toList(), me.id()))
                .orElse(Set.of());
        Map<String, RecordName> names = new HashMap<>();
        for (Row row : rows) {
            names.put(row.id().toString(), new RecordName(
                    messages.getMessage("approval.recordName", new Object[] {labels.subject(row.subjectType()), row.title()},
                            LocaleContextHolder.getLocale()),
                    visible.contains(row.id()) ? "/approvals/" + row.id() : null));
        }
        return names;
    }
}
