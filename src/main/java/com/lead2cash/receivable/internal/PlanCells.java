package com.lead2cash.receivable.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.SpreadsheetText;
import com.lead2cash.receivable.internal.ReceivableQueries.PlanRow;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Worksheet;

/**
 * The cells every exported list of plans starts with (the aging report, the plans list): contract, customer,
 * milestone, owner, amount, collected, outstanding and due date, written the one way.
 */
final class PlanCells {

    /** The columns' headers, message keys in their order. */
    static final String[] HEADERS = {"receivable.contract", "receivable.customer", "receivable.type", "receivable.owner",
            "receivable.amount", "receivable.paid", "receivable.outstandingLabel", "receivable.dueDate"};

    private final Map<UUID, OrgDirectory.Person> people;
    private final Map<UUID, String> customerNames;

    /** The owners' and customers' names of one page of plans, looked up once for the page. */
    PlanCells(Collection<PlanRow> page, OrgDirectory org, CustomerDirectory customers) {
        this.people = org.people(page.stream().map(PlanRow::ownerId).collect(Collectors.toSet()));
        // through the customer module, as its lists name them: a merged one by its survivor, one the reader may not
        // see left blank
        this.customerNames = page.isEmpty() ? Map.of()
                : customers.names(page.stream().map(PlanRow::customerId).collect(Collectors.toSet()));
    }

    /** Writes the plan's first {@link #HEADERS} cells on {@code row}; {@code type} is its milestone in the reader's words. */
    void write(Worksheet ws, int row, PlanRow p, String type) {
        SpreadsheetText.write(ws, row, 0, p.contractNumber());
        SpreadsheetText.write(ws, row, 1, customerNames.getOrDefault(p.customerId(), ""));
        ws.inlineString(row, 2, type);
        OrgDirectory.Person owner = people.get(p.ownerId());
        SpreadsheetText.write(ws, row, 3, owner == null ? "" : owner.displayName());
        ws.value(row, 4, p.amount());
        ws.value(row, 5, p.paidAmount());
        ws.value(row, 6, p.outstanding());
        for (int c = 4; c <= 6; c++) {
            ws.style(row, c).format("#,##0.00").set();
        }
        if (p.dueDate() != null) {
            ws.value(row, 7, p.dueDate());
            ws.style(row, 7).format("yyyy-mm-dd").set();
        }
    }
}
