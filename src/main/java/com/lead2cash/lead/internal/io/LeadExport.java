package com.lead2cash.lead.internal.io;

import com.lead2cash.lead.internal.LeadQueries;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Exports a lead list to .xlsx as the reader sees it: the same filters and data scope, streamed page
 * by page so memory stays flat, headers in the reader's language, text neutralised against formula
 * injection ({@link SpreadsheetText}), and the export itself audited.
 */
@Component
public class LeadExport {

    static final int MAX_ROWS = 100_000;
    /** The list's views ({@link LeadQueries.LeadFilter}); any other word lists every lead in scope. */
    private static final Set<String> VIEWS = Set.of("pool", "nurture", "queue", "general", "mine", "contests", "open");

    private final LeadQueries queries;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ZoneId zone;

    LeadExport(LeadQueries queries, MessageSource messages, AuditTrail audit, @Value("${l2c.zone}") ZoneId zone) {
        this.queries = queries;
        this.messages = messages;
        this.audit = audit;
        this.zone = zone;
    }

    public int write(LeadQueries.LeadFilter filter, Locale locale, OutputStream out) throws IOException {
        List<String> headers = List.of("lead.code", "lead.companyName", "lead.grade", "lead.status", "lead.source",
                "lead.industry", "lead.region", "lead.productLine", "lead.contactName", "lead.budget", "lead.owner",
                "lead.createdAt");
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "lead.list.title", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<LeadQueries.LeadRow> page = queries.list(new LeadQueries.LeadFilter(filter.grade(),
                        filter.status(), filter.source(), filter.ownerId(), filter.territoryId(), filter.minAgeDays(),
                        filter.maxAgeDays(), filter.q(), filter.view(), cursor, CursorPage.MAX_SIZE));
                for (LeadQueries.LeadRow r : page.items()) {
                    row++;
                    SpreadsheetText.write(ws, row, 0, r.code());
                    SpreadsheetText.write(ws, row, 1, r.companyName());
                    ws.inlineString(row, 2, r.grade().name());
                    SpreadsheetText.write(ws, row, 3, text("lead.status." + r.status(), locale));
                    SpreadsheetText.write(ws, row, 4, text("lead.source." + r.source(), locale));
                    SpreadsheetText.write(ws, row, 5, r.industry());
                    SpreadsheetText.write(ws, row, 6, r.region());
                    SpreadsheetText.write(ws, row, 7, r.productLine());
                    SpreadsheetText.write(ws, row, 8, r.contactName());
                    if (r.budget() != null) {
                        ws.value(row, 9, r.budget());
                    }
                    SpreadsheetText.write(ws, row, 10, r.ownerName());
                    ws.value(row, 11, r.createdAt().atZone(zone).toLocalDateTime());
                    ws.style(row, 11).format("yyyy-mm-dd hh:mm").set();
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        // the filter as keys, so the audit screen says it in its reader's language
        audit.record("EXPORT", "Lead", null, "lead.audit.exported", row,
                "lead.view." + (filter.view() != null && VIEWS.contains(filter.view()) ? filter.view() : "all"),
                filter.grade() == null ? "lead.filter.anyGrade" : filter.grade().name(),
                filter.status() == null ? "lead.filter.anyStatus" : "lead.status." + filter.status().name(),
                filter.q() == null || filter.q().isBlank() ? "audit.detail.noSearch" : filter.q());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
