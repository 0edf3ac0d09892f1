package com.lead2cash.customer.internal.io;

import com.lead2cash.customer.internal.CustomerQueries;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Exports a customer list to .xlsx as the reader sees it: the same filters and data scope, streamed
 * page by page so memory stays flat, headers in the reader's language, text that a spreadsheet would
 * take for a formula neutralised, and the export itself audited.
 */
@Component
public class CustomerExport {

    static final int MAX_ROWS = 100_000;

    private final CustomerQueries queries;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ZoneId zone;

    CustomerExport(CustomerQueries queries, MessageSource messages, AuditTrail audit, @Value("${l2c.zone}") ZoneId zone) {
        this.queries = queries;
        this.messages = messages;
        this.audit = audit;
        this.zone = zone;
    }

    public int write(CustomerQueries.CustomerFilter filter, Locale locale, OutputStream out) throws IOException {
        List<String> headers = List.of("customer.code", "customer.name", "customer.grade", "customer.status",
                "customer.industry", "customer.region", "customer.owner", "customer.followUpDue", "customer.lastActivity");
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "customer.list.title", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<CustomerQueries.CustomerRow> page = queries.list(filter.withCursor(cursor, CursorPage.MAX_SIZE));
                for (CustomerQueries.CustomerRow r : page.items()) {
                    row++;
                    SpreadsheetText.write(ws, row, 0, r.code());
                    SpreadsheetText.write(ws, row, 1, r.name());
                    ws.inlineString(row, 2, r.grade().name());
                    ws.inlineString(row, 3, text("customer.status." + r.status(), locale));
                    SpreadsheetText.write(ws, row, 4, r.industry());
                    SpreadsheetText.write(ws, row, 5, r.region());
                    SpreadsheetText.write(ws, row, 6, r.ownerName());
                    if (r.followUpDueAt() != null) {
                        ws.value(row, 7, r.followUpDueAt().atZone(zone).toLocalDateTime());
                        ws.style(row, 7).format("yyyy-mm-dd hh:mm").set();
                    }
                    if (r.lastActivityAt() != null) {
                        ws.value(row, 8, r.lastActivityAt().atZone(zone).toLocalDateTime());
                        ws.style(row, 8).format("yyyy-mm-dd hh:mm").set();
                    }
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        // the filter as keys, so the audit screen says it in its reader's language
        audit.record("EXPORT", "Customer", null, "customer.audit.exported", row,
                "customer.view." + (filter.view() == null ? "all" : filter.view()),
                filter.grade() == null ? "customer.filter.anyGrade" : filter.grade().name(),
                filter.status() == null ? "customer.filter.anyStatus" : "customer.status." + filter.status().name(),
                filter.bucket() == null ? "customer.filter.anyBucket" : "customer.bucket." + filter.bucket().name(),
                filter.q() == null || filter.q().isBlank() ? "audit.detail.noSearch" : filter.q());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
