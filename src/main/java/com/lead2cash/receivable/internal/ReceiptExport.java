package com.lead2cash.receivable.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipts ledger (收款台账) as an Excel file, as its reader sees the list: the same filters, read by the
 * list's readers only ({@link ReceiptQueries}), streamed page by page so memory stays flat, headers in the
 * reader's language, amounts and days as numbers and dates, text neutralised against formula injection
 * ({@link SpreadsheetText}), and the export itself audited.
 */
@Component
public class ReceiptExport {

    static final int MAX_ROWS = 100_000;

    private final ReceiptQueries queries;
    private final CustomerDirectory customers;
    private final MessageSource messages;
    private final AuditTrail audit;

    ReceiptExport(ReceiptQueries queries, CustomerDirectory customers, MessageSource messages, AuditTrail audit) {
        this.queries = queries;
        this.customers = customers;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook; answers the number of receipts written. */
    public int write(ReceiptQueries.Filter filter, Locale locale, OutputStream out) throws IOException {
        List<String> headers = List.of("receipt.number", "receipt.receivedOn", "receivable.customer", "receipt.method",
                "receipt.payer", "receipt.reference", "receipt.amount", "receipt.allocatedLabel", "receipt.stateLabel");
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "receipt.list.page", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<ReceiptQueries.ReceiptRow> page = queries.list(filter, cursor, CursorPage.MAX_SIZE);
                // as the list names them: a merged customer by its survivor
                Map<UUID, String> names = page.items().isEmpty() ? Map.of() : customers.names(page.items().stream()
                        .map(ReceiptQueries.ReceiptRow::customerId).collect(Collectors.toSet()));
                for (ReceiptQueries.ReceiptRow r : page.items()) {
                    row++;
                    SpreadsheetText.write(ws, row, 0, r.number());
                    ws.value(row, 1, r.receivedOn());
                    ws.style(row, 1).format("yyyy-mm-dd").set();
                    SpreadsheetText.write(ws, row, 2, names.get(r.customerId()));
                    ws.inlineString(row, 3, text("receipt.method." + r.method(), locale));
                    SpreadsheetText.write(ws, row, 4, r.payer());
                    SpreadsheetText.write(ws, row, 5, r.reference());
                    ws.value(row, 6, r.amount());
                    ws.value(row, 7, r.allocatedAmount());
                    ws.style(row, 6).format("#,##0.00").set();
                    ws.style(row, 7).format("#,##0.00").set();
                    ws.inlineString(row, 8, text("receipt.state." + r.state(), locale));
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        // the filter as keys and values, so the audit screen says it in its reader's language
        // the twins alone, and one customer's receipts, under keys of their own: exports audited before keep their text
        List<Object> said = new java.util.ArrayList<>(List.of(row,
                filter.from() == null ? "receipt.filter.any" : filter.from().toString(),
                filter.to() == null ? "receipt.filter.any" : filter.to().toString(),
                filter.method() == null ? "receipt.filter.any" : "receipt.method." + filter.method().name(),
                filter.state() == null ? "receipt.filter.any" : "receipt.state." + filter.state().name(),
                filter.payer() == null || filter.payer().isBlank() ? "audit.detail.noSearch" : filter.payer()));
        String key = filter.repeatedReference() ? "receipt.audit.exportedRepeated" : "receipt.audit.exported";
        if (filter.customerId() != null) {
            // the customer as the list names it to the reader, its id for one the reader may not see
            said.add(customers.names(java.util.Set.of(filter.customerId()))
                    .getOrDefault(filter.customerId(), filter.customerId().toString()));
            key = key + "OfCustomer";
        }
        audit.record("EXPORT", ReceivableAccess.RECEIPT, null, key, said.toArray());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
