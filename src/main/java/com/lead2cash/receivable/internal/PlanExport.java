package com.lead2cash.receivable.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetText;
import com.lead2cash.receivable.internal.ReceivableQueries.PlanRow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The payment plans (回款计划) as an Excel file, as the workbench finds them: every plan in the reader's scope, or
 * with a search only the open plans it finds, streamed page by page so memory stays flat, headers in the reader's
 * language, amounts as numbers and due dates as dates, text neutralised against formula injection
 * ({@link SpreadsheetText}), and the export itself audited. The overdue ones alone are the aging report
 * ({@link AgingExport}).
 */
@Component
public class PlanExport {

    static final int MAX_ROWS = 100_000;

    private final ReceivableQueries queries;
    private final ReceivablePolicy policy;
    private final OrgDirectory org;
    private final CustomerDirectory customers;
    private final MessageSource messages;
    private final AuditTrail audit;

    PlanExport(ReceivableQueries queries, ReceivablePolicy policy, OrgDirectory org, CustomerDirectory customers,
               MessageSource messages, AuditTrail audit) {
        this.queries = queries;
        this.policy = policy;
        this.org = org;
        this.customers = customers;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook of the plans {@code filter} finds; answers the number of plans written. */
    public int write(ReceivableQueries.Filter filter, Locale locale, OutputStream out) throws IOException {
        List<String> headers = Stream.concat(Arrays.stream(PlanCells.HEADERS), Stream.of("receivable.export.dueCondition",
                "receivable.state", "receivable.export.days", "receivable.aging")).toList();
        ReceivableRules rules = policy.rules();
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "receivable.export.plansSheet", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<PlanRow> page = queries.list(filter, cursor, CursorPage.MAX_SIZE);
                PlanCells cells = new PlanCells(page.items(), org, customers);
                for (PlanRow p : page.items()) {
                    row++;
                    cells.write(ws, row, p, text("receivable.type." + p.type(), locale));
                    // due on a condition (验收合格后 30 日内) until its day is set
                    SpreadsheetText.write(ws, row, 8, p.dueCondition() == null ? "" : p.dueCondition());
                    ws.inlineString(row, 9, text("receivable.state." + p.state(), locale));
                    if (p.daysOverdue() > 0) {
                        ws.value(row, 10, p.daysOverdue());
                        ws.inlineString(row, 11, p.agingBucket() == null ? "" : ReceivableQueries.label(p.agingBucket(), rules));
                    }
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        audit.record("EXPORT", ReceivableAccess.SUBJECT, null, "receivable.audit.plansExported", row,
                filter.text() == null ? "audit.detail.noSearch" : filter.text());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
