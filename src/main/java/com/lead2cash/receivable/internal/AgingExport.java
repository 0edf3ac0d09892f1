package com.lead2cash.receivable.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.SpreadsheetExport;
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
 * The aging report as an Excel file (账龄表, P2): every overdue plan in the reader's scope with its customer, days
 * overdue and bucket, streamed page by page so memory stays flat however long the list, text cells
 * neutralised against formula injection, the export audited.
 */
@Component
public class AgingExport {

    static final int PAGE = 1000;
    static final int MAX_ROWS = 1_000_000;

    private final ReceivableQueries queries;
    private final ReceivablePolicy policy;
    private final OrgDirectory org;
    private final CustomerDirectory customers;
    private final MessageSource messages;
    private final AuditTrail audit;

    AgingExport(ReceivableQueries queries, ReceivablePolicy policy, OrgDirectory org, CustomerDirectory customers,
                MessageSource messages, AuditTrail audit) {
        this.queries = queries;
        this.policy = policy;
        this.org = org;
        this.customers = customers;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook; answers the number of plans written. */
    public int write(Locale locale, OutputStream out) throws IOException {
        List<String> headers = Stream.concat(Arrays.stream(PlanCells.HEADERS),
                Stream.of("receivable.export.days", "receivable.aging")).toList();
        ReceivableRules rules = policy.rules();
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "receivable.export.sheet", headers)) {
            Worksheet ws = export.sheet();
            List<PlanRow> page = queries.overdueAfter(null, null, PAGE);
            while (!page.isEmpty() && row < MAX_ROWS) {
                PlanCells cells = new PlanCells(page, org, customers);
                for (PlanRow p : page) {
                    row++;
                    cells.write(ws, row, p, text("receivable.type." + p.type(), locale));
                    ws.value(row, 8, p.daysOverdue());
                    ws.inlineString(row, 9, p.agingBucket() == null ? "" : ReceivableQueries.label(p.agingBucket(), rules));
                }
                ws.flush();
                PlanRow last = page.get(page.size() - 1);
                page = page.size() < PAGE ? List.of() : queries.overdueAfter(last.dueDate(), last.id(), PAGE);
            }
        }
        audit.record("EXPORT", ReceivableAccess.SUBJECT, null, "receivable.audit.agingExported", row);
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
