package com.lead2cash.order.internal;

import com.lead2cash.order.internal.domain.OrderStatus;
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
 * Exports the order list (订单列表) to .xlsx as the reader sees it: the same status filter and data scope, streamed
 * page by page so memory stays flat, headers in the reader's language, promised dates as dates, text neutralised
 * against formula injection ({@link SpreadsheetText}), and the export itself audited.
 */
@Component
public class OrderExport {

    static final int MAX_ROWS = 100_000;

    private final OrderQueries queries;
    private final MessageSource messages;
    private final AuditTrail audit;

    OrderExport(OrderQueries queries, MessageSource messages, AuditTrail audit) {
        this.queries = queries;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook; answers the number of orders written. */
    public int write(OrderStatus status, Locale locale, OutputStream out) throws IOException {
        List<String> headers = List.of("order.number", "order.contract", "order.consignee", "order.promisedDate",
                "order.status");
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "order.list.title", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<OrderQueries.OrderRow> page = queries.list(null, status, cursor, CursorPage.MAX_SIZE);
                for (OrderQueries.OrderRow r : page.items()) {
                    row++;
                    SpreadsheetText.write(ws, row, 0, r.number());
                    SpreadsheetText.write(ws, row, 1, r.contractNumber());
                    SpreadsheetText.write(ws, row, 2, r.consignee());
                    ws.value(row, 3, r.promisedDate());
                    ws.style(row, 3).format("yyyy-mm-dd").set();
                    // a stopped order reads as the list shows it: its status and that its contract was terminated
                    ws.inlineString(row, 4, r.contractTerminatedOn() == null ? text("order.status." + r.status(), locale)
                            : text("order.status." + r.status(), locale) + " · " + text("order.contractTerminated.badge", locale));
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        // the filter as a key, so the audit screen says it in its reader's language
        audit.record("EXPORT", OrderAccess.SUBJECT, null, "order.audit.exported", row,
                status == null ? "order.filter.all" : "order.status." + status.name());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
