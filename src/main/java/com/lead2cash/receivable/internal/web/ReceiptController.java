package com.lead2cash.receivable.internal.web;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.receivable.internal.ReceiptQueries;
import com.lead2cash.receivable.internal.ReceiptService;
import com.lead2cash.receivable.internal.ReceivableAccess;
import com.lead2cash.receivable.internal.ReceivableQueries;
import com.lead2cash.receivable.internal.ReceivableQueries.PlanRow;
import com.lead2cash.receivable.internal.domain.Receipt;
import com.lead2cash.receivable.internal.domain.ReceiptAction;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A receipt's page (收款): what came, when, how and from whom, whose money it is, which plans it paid and what is left
 * unallocated, and its reversal. Read by exactly those who read it over the API ({@link ReceiptService#visible}: 403
 * for others whatever the id, as {@code GET /api/v1/receipts/{id}}); an unknown or unreadable id is 404. Finance
 * allocates the rest and reverses it from here when the receipt says they may ({@link ReceiptService#actions}).
 */
@Controller
@PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
class ReceiptController {

    /** The value of the {@code from} field of the page's forms: their handlers lead back here. */
    static final String FROM_PAGE = "receipt";

    private final ReceiptService receipts;
    private final ReceiptQueries queries;
    private final ReceivableQueries plans;
    private final ReceivableAccess access;
    private final CustomerDirectory customers;
    private final OrgDirectory org;

    ReceiptController(ReceiptService receipts, ReceiptQueries queries, ReceivableQueries plans, ReceivableAccess access,
                      CustomerDirectory customers, OrgDirectory org) {
        this.receipts = receipts;
        this.queries = queries;
        this.plans = plans;
        this.access = access;
        this.customers = customers;
        this.org = org;
    }

    @GetMapping("/receipts/{id}")
    String receipt(@PathVariable String id, Model model) {
        // an id that is no id at all is a receipt that does not exist (404), for readers as for the API's unknown ids
        Receipt r = receipts.visible(ReceiptFormController.id(ReceivableAccess.RECEIPT, id));
        Set<ReceiptAction> actions = receipts.actions(r);
        boolean canAllocate = actions.contains(ReceiptAction.ALLOCATE);
        List<PlanRow> open = canAllocate ? ReceiptFormController.openPlans(plans, access, r.customerId()) : List.of();
        model.addAttribute("receipt", r);
        // a merged customer under its survivor's name, as the receipts list names it
        model.addAttribute("customerName", customers.names(Set.of(r.customerId())).get(r.customerId()));
        model.addAttribute("allocations", queries.allocationsOf(r.id()));
        // the same transfer entered twice: the receipt this one repeats, or the twins that repeat this one
        model.addAttribute("repeats", queries.repeatedBy(r).orElse(null));
        model.addAttribute("repeaters", queries.repeatersOf(r));
        model.addAttribute("canAllocate", canAllocate);
        model.addAttribute("canReverse", actions.contains(ReceiptAction.REVERSE));
        model.addAttribute("openPlans", open);
        model.addAttribute("recordedBy", org.person(r.recordedBy()).orElse(null));
        model.addAttribute("reversedBy", r.reversedBy() == null ? null : org.person(r.reversedBy()).orElse(null));
        model.addAttribute("reasonMax", InputRules.MAX_TEXT);
        model.addAttribute("fromPage", FROM_PAGE);
        return "receivable/receipt";
    }
}
