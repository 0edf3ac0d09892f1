package com.lead2cash.invoice.internal;

import com.lead2cash.invoice.internal.domain.InvoiceStatus;
import com.lead2cash.invoice.internal.domain.InvoiceType;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Exports the invoice list (发票列表) to .xlsx as the reader sees it: the same filters and data scope, streamed
 * page by page so memory stays flat, headers in the reader's language, amounts as numbers and invoice dates as
 * dates, text neutralised against formula injection ({@link SpreadsheetText}), and the export itself audited.
 */
@Component
public class InvoiceExport {

    static final int MAX_ROWS = 100_000;

    private final InvoiceQueries queries;
    private final MessageSource messages;
    private final AuditTrail audit;

    InvoiceExport(InvoiceQueries queries, MessageSource messages, AuditTrail audit) {
        this.queries = queries;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook; answers the number of invoices written. */
    public int write(InvoiceStatus status, InvoiceType type, Locale locale, OutputStream out) throws IOException {
        List<String> headers = List.of("invoice.number", "invoice.contract", "invoice.type", "invoice.buyerName",
                "invoice.amount", "invoice.invoiceNumber", "invoice.invoicedOn", "invoice.status");
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "invoice.list.title", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<InvoiceQueries.InvoiceRow> page = queries.list(status, type, cursor, CursorPage.MAX_SIZE);
                for (InvoiceQueries.InvoiceRow r : page.items()) {
                    row++;
                    SpreadsheetText.write(ws, row, 0, r.number());
                    SpreadsheetText.write(ws, row, 1, r.contractNumber());
                    ws.inlineString(row, 2, text("invoice.type." + r.type(), locale));
                    SpreadsheetText.write(ws, row, 3, r.buyerName());
                    ws.value(row, 4, r.amount());
                    ws.style(row, 4).format("#,##0.00").set();
                    SpreadsheetText.write(ws, row, 5, r.invoiceNumber());
                    if (r.invoicedOn() != null) {
                        ws.value(row, 6, r.invoicedOn());
                        ws.style(row, 6).format("yyyy-mm-dd").set();
                    }
                    ws.inlineString(row, 7, text("invoice.status." + r.status(), locale));
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        // the filter as keys, so the audit screen says it in its reader's language
        audit.record("EXPORT", InvoiceService.SUBJECT, null, "invoice.audit.exported", row,
                status == null ? "invoice.filter.all" : "invoice.status." + status.name(),
                type == null ? "invoice.filter.all" : "invoice.type." + type.name());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
