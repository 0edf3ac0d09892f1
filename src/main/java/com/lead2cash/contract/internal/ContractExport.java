package com.lead2cash.contract.internal;

import com.lead2cash.contract.ContractListFigures;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.SpreadsheetColumns;
import com.lead2cash.platform.SpreadsheetExport;
import com.lead2cash.platform.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Exports the contract list (合同列表) to .xlsx as the reader sees it: the same filters and data scope, the
 * collected and invoiced figures each with its percentage where the list shows them, streamed page by page so memory
 * stays flat, headers in the reader's language, amounts and days as numbers, percentages as numbers formatted as
 * percentages ({@link SpreadsheetColumns}), text neutralised against formula injection ({@link SpreadsheetText}), and
 * the export itself audited.
 */
@Component
public class ContractExport {

    static final int MAX_ROWS = 100_000;

    private final ContractQueries queries;
    private final ObjectProvider<ContractListFigures> money;
    private final MessageSource messages;
    private final AuditTrail audit;

    ContractExport(ContractQueries queries, ObjectProvider<ContractListFigures> money, MessageSource messages,
                   AuditTrail audit) {
        this.queries = queries;
        this.money = money;
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the workbook of the contracts {@code filter} finds (its cursor and size ignored); answers how many. */
    public int write(ContractQueries.Filter filter, Locale locale, OutputStream out) throws IOException {
        ContractListFigures figures = money.getIfAvailable();
        List<String> headers = new ArrayList<>(List.of("contract.field.number", "contract.field.title",
                "contract.field.customer", "contract.field.status", "contract.field.waitingFor",
                "contract.field.daysWaiting", "contract.field.currentAmount"));
        if (figures != null) {
            headers.addAll(List.of("contract.field.collected", "contract.field.collectedPercent", "contract.field.invoiced",
                    "contract.field.invoicedPercent", "contract.field.plansPaid"));
        }
        headers.add("contract.field.owner");
        int owner = headers.size() - 1;
        int row = 0;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "contract.list.title", headers)) {
            Worksheet ws = export.sheet();
            String cursor = null;
            do {
                CursorPage<ContractQueries.ContractRow> page = queries.list(new ContractQueries.Filter(filter.status(),
                        filter.ownerId(), filter.q(), filter.waitingForMe(), cursor, CursorPage.MAX_SIZE, filter.signed()));
                Map<UUID, ContractListFigures.Figures> paid = figures == null || page.items().isEmpty() ? Map.of()
                        : figures.of(page.items().stream().map(ContractQueries.ContractRow::id).toList());
                for (ContractQueries.ContractRow r : page.items()) {
                    row++;
                    SpreadsheetText.write(ws, row, 0, r.number());
                    SpreadsheetText.write(ws, row, 1, r.title());
                    SpreadsheetText.write(ws, row, 2, r.customerName());
                    ws.inlineString(row, 3, text("contract.status." + r.status(), locale));
                    // a person by name, a department's pool by its role, as the list says them
                    SpreadsheetText.write(ws, row, 4, r.waitingFor().stream()
                            .map(w -> w.userId() != null ? w.name() : text("role." + w.role(), locale))
                            .collect(Collectors.joining(", ")));
                    if (r.daysWaiting() != null) {
                        ws.value(row, 5, r.daysWaiting());
                    }
                    // with its amendments, as the plans and invoices count it
                    SpreadsheetColumns.money(ws, row, 6, r.currentAmount());
                    ContractListFigures.Figures m = paid.get(r.id());
                    if (m != null) {
                        // each amount with its percentage beside it, as the list shows them (85.71 %)
                        SpreadsheetColumns.money(ws, row, 7, m.collected());
                        SpreadsheetColumns.percent(ws, row, 8, m.collectedPercent().movePointLeft(2), 2);
                        SpreadsheetColumns.money(ws, row, 9, m.invoiced());
                        SpreadsheetColumns.percent(ws, row, 10, m.invoicedPercent().movePointLeft(2), 2);
                        ws.inlineString(row, 11, m.paidPlans() + "/" + m.plans());
                    }
                    SpreadsheetText.write(ws, row, owner, r.ownerName());
                }
                ws.flush();
                cursor = page.nextCursor();
            } while (cursor != null && row < MAX_ROWS);
        }
        // the filter as keys, so the audit screen says it in its reader's language
        audit.record("EXPORT", ContractAccess.SUBJECT, null, "contract.audit.exported", row,
                filter.status() == null ? "contract.filter.anyStatus" : "contract.status." + filter.status().name(),
                filter.waitingForMe() ? "contract.audit.forMe" : "contract.audit.anyone",
                filter.q() == null || filter.q().isBlank() ? "audit.detail.noSearch" : filter.q());
        return row;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
