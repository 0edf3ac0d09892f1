package com.lead2cash.receivable.internal.web;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.HomePanel;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormValues;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.receivable.internal.DueDateChanges;
import com.lead2cash.receivable.internal.ReceiptQueries;
import com.lead2cash.receivable.internal.ReceiptService;
import com.lead2cash.receivable.internal.ReceiptService.AllocationRequest;
import com.lead2cash.receivable.internal.ReceiptService.NewReceipt;
import com.lead2cash.receivable.internal.ReceivableAccess;
import com.lead2cash.receivable.internal.ReceivablePlanning;
import com.lead2cash.receivable.internal.ReceivablePolicy;
import com.lead2cash.receivable.internal.ReceivableQueries;
import com.lead2cash.receivable.internal.domain.Receipt;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableAction;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The receivable screens (回款): the finance workbench — plans due this week, overdue by aging bucket,
 * receipts to allocate, collection rates — the rep's "collections due" panel on the home page, and a
 * plan's page where finance records a receipt and the rep confirms the customer was reminded (P1). A plan page's
 * posts answer as every record page's ({@link PageActions}): a refusal or a version changed meanwhile is flashed on
 * the plan's page with what was typed given back; a plan not found or out of scope is the 404 page.
 */
@Controller
@PreAuthorize(ReceivableAccess.READER_ROLES)
class ReceivableController {

    private static final int LIST = 50;

    private final ReceivableQueries queries;
    private final ReceivablePlanning planning;
    private final ReceiptService receipts;
    private final ReceivableAccess access;
    private final ReceivablePolicy policy;
    private final OrgDirectory org;
    private final ContractFiguresReader figures;
    private final com.lead2cash.receivable.internal.AgingExport agingExport;
    private final com.lead2cash.invoice.ContractInvoicing invoicing;
    private final com.lead2cash.receivable.internal.CollectionRates rates;
    private final ReceiptQueries receiptList;
    private final com.lead2cash.customer.CustomerDirectory customers;
    private final com.lead2cash.receivable.internal.ReceiptExport receiptExport;
    private final com.lead2cash.receivable.internal.PlanExport planExport;
    private final DueDateChanges changes;

    ReceivableController(ReceivableQueries queries, ReceivablePlanning planning, ReceiptService receipts,
                         ReceivableAccess access, ReceivablePolicy policy, OrgDirectory org,
                         ContractFiguresReader figures, com.lead2cash.invoice.ContractInvoicing invoicing,
                         com.lead2cash.receivable.internal.AgingExport agingExport,
                         com.lead2cash.receivable.internal.CollectionRates rates,
                         ReceiptQueries receiptList,
                         com.lead2cash.customer.CustomerDirectory customers,
                         com.lead2cash.receivable.internal.ReceiptExport receiptExport,
                         com.lead2cash.receivable.internal.PlanExport planExport, DueDateChanges changes) {
        this.changes = changes;
        this.customers = customers;
        this.planExport = planExport;
        this.receiptExport = receiptExport;
        this.agingExport = agingExport;
        this.rates = rates;
        this.receiptList = receiptList;
        this.figures = figures;
        this.invoicing = invoicing;
        this.queries = queries;
        this.planning = planning;
        this.receipts = receipts;
        this.access = access;
        this.policy = policy;
        this.org = org;
    }

    @GetMapping("/receivables")
    String workbench(@RequestParam(required = false) String ratesFrom, @RequestParam(required = false) String ratesTo,
                     @RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            // by contract number or by customer (the customer module's own search: name, pinyin, code…)
            var found = queries.openMatching(q, matchingCustomers(q), LIST);
            model.addAttribute("found", found);
            model.addAttribute("foundCustomers",
                    customerNames(found.stream().map(ReceivableQueries.PlanRow::customerId).toList()));
        }
        model.addAttribute("q", q);
        LocalDate today = policy.today();
        LocalDate weekEnd = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        boolean finance = ReceivableAccess.isFinance(CurrentUser.require());
        var dueThisWeek = queries.dueBetween(weekEnd, null, LIST);
        var overdue = queries.overdue(LIST);
        var buckets = queries.aging();
        com.lead2cash.receivable.internal.CollectionRates.Report collection;
        try {
            collection = rates.of(date("ratesFrom", ratesFrom), date("ratesTo", ratesTo));
        } catch (FieldValidationException e) {
            model.addAttribute("ratesError", e.errors().get(0).messageKey());
            collection = rates.of(null, null);
        }
        CurrentUser me = CurrentUser.require();
        boolean readsReceipts = ReceiptQueries.mayRead(me);
        Map<ReceivableQueries.UnallocatedReceipt, List<ReceivableQueries.PlanRow>> toAllocate = new LinkedHashMap<>();
        if (finance) {
            var receipts = queries.unallocatedReceipts(20);
            var open = queries.openOfCustomers(receipts.stream().map(ReceivableQueries.UnallocatedReceipt::customerId)
                    .collect(java.util.stream.Collectors.toSet()), 20);
            receipts.forEach(r -> toAllocate.put(r, open.getOrDefault(r.customerId(), List.of())));
        }
        Set<UUID> people = new HashSet<>();
        dueThisWeek.forEach(r -> people.add(r.ownerId()));
        overdue.forEach(r -> people.add(r.ownerId()));
        model.addAttribute("today", today);
        model.addAttribute("weekEnd", weekEnd);
        model.addAttribute("finance", finance);
        model.addAttribute("dueThisWeek", dueThisWeek);
        model.addAttribute("overdue", overdue);
        model.addAttribute("buckets", buckets);
        model.addAttribute("toAllocate", toAllocate);
        // whose money each receipt waiting is: the plans offered are that customer's
        model.addAttribute("toAllocateCustomers", customerNames(toAllocate.keySet().stream()
                .map(ReceivableQueries.UnallocatedReceipt::customerId).toList()));
        model.addAttribute("invoicesWaiting", finance ? invoicing.waiting(20) : List.of());
        model.addAttribute("people", org.people(people));
        model.addAttribute("rates", collection);
        var latestReceipts = readsReceipts ? receiptList.list(ReceiptQueries.Filter.none(), null, 20).items()
                : List.<ReceiptQueries.ReceiptRow>of();
        // the same transfer entered twice waits for finance to reverse the one not meant: said only when there are any
        model.addAttribute("repeatedReferences", readsReceipts ? receiptList.repeatedReferences() : 0L);
        model.addAttribute("receipts", latestReceipts);
        model.addAttribute("receiptCustomers",
                customerNames(latestReceipts.stream().map(ReceiptQueries.ReceiptRow::customerId).toList()));
        model.addAttribute("readsReceipts", readsReceipts);
        return "receivable/workbench";
    }

    /** The payment plans card on a contract's page: the plans the reader may see (the module's scope), each linking to its page. */
    @GetMapping("/receivables/contracts/{contractId}/panel")
    String contractPlans(@PathVariable UUID contractId, Model model) {
        model.addAttribute("plans", planning.ofOpenableContract(contractId));
        return "receivable/contract-panel :: panel";
    }

    /** A contract's collected and invoiced figures, for the contract's page and list to load with htmx. */
    @GetMapping("/receivables/contracts/{contractId}/figures")
    String contractFigures(@PathVariable UUID contractId, Model model) {
        model.addAttribute("figures", figures.ofOpenableContract(contractId));
        return "receivable/figures :: figures";
    }

    /** P2 — the aging report as an Excel file: every overdue plan in the reader's scope, streamed. */
    @GetMapping("/receivables/aging.xlsx")
    void exportAging(java.util.Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "aging-" + policy.today() + ".xlsx",
                out -> agingExport.write(locale, out));
    }

    /** The plans as the workbench finds them, as an Excel file: every plan in scope, or the open ones the search finds. */
    @GetMapping("/receivables/export.xlsx")
    void exportPlans(@RequestParam(required = false) String q, java.util.Locale locale,
                     jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "payment-plans.xlsx",
                out -> planExport.write(q == null || q.isBlank() ? new ReceivableQueries.Filter(null, null, null, null)
                : ReceivableQueries.Filter.matching(q, matchingCustomers(q)), locale, out));
    }

    /** The customers a search names, by the customer module's own search (name, pinyin, code…), as the workbench finds them. */
    private List<UUID> matchingCustomers(String q) {
        return customers.search(q.strip(), LIST).stream().map(com.lead2cash.customer.CustomerDirectory.CustomerRef::id).toList();
    }

    /** The rep's collections due: their plans overdue or due within two weeks. */
    @GetMapping("/receivables/panel")
    String panel(Model model) {
        LocalDate today = policy.today();
        model.addAttribute("items", queries.collectionsDue(CurrentUser.require().id(), today.plusDays(14), 10));
        model.addAttribute("today", today);
        return "receivable/panel :: panel";
    }

    @GetMapping("/receivables/{id}")
    String plan(@PathVariable UUID id, Model model) {
        Receivable r = access.visible(id);
        LocalDate today = policy.today();
        long days = r.daysOverdue(today);
        model.addAttribute("plan", r);
        model.addAttribute("daysOverdue", days);
        model.addAttribute("bucket", policy.rules().bucket(days));
        var actions = planning.actions(r);
        model.addAttribute("canRecord", actions.contains(ReceivableAction.RECORD_RECEIPT));
        model.addAttribute("canConfirmReminder", actions.contains(ReceivableAction.CONFIRM_REMINDER));
        model.addAttribute("canSetDueDate", actions.contains(ReceivableAction.SET_DUE_DATE));
        model.addAttribute("canWriteOff", actions.contains(ReceivableAction.WRITE_OFF));
        model.addAttribute("siblings", planning.ofContract(r.contractId()));
        // the due dates set by hand, with who set them: a moved date stays explained
        var dueDateChanges = changes.of(r.id());
        model.addAttribute("dueDateChanges", dueDateChanges);
        model.addAttribute("changedBy", org.people(dueDateChanges.stream().map(DueDateChanges.Event::actorId).toList()));
        model.addAttribute("zone", policy.zone());
        // the receipts that paid the plan, for those who read receipts (reps and managers read plans, not receipts)
        boolean readsReceipts = ReceiptQueries.mayRead(CurrentUser.require());
        model.addAttribute("readsReceipts", readsReceipts);
        model.addAttribute("planReceipts", readsReceipts ? receiptList.receiptsOf(r.id()) : List.of());
        model.addAttribute("owner", org.person(r.ownerId()).orElse(null));
        model.addAttribute("methods", ReceiptMethod.values());
        model.addAttribute("today", today);
        // the date picker offers the days the service accepts
        model.addAttribute("earliestReceipt", receipts.earliestDay(r.customerId()).orElse(null));
        return "receivable/plan";
    }

    /** Finance records a receipt paying this plan: up to what it owes goes to the plan, the rest waits to be allocated. */
    @PostMapping("/receivables/{id}/receipts")
    String recordReceipt(@PathVariable UUID id, @RequestParam(required = false) String amount,
                         @RequestParam(required = false) String receivedOn, @RequestParam(required = false) String method,
                         @RequestParam(required = false) String payer, @RequestParam(required = false) String reference,
                         RefusedInput refused, RedirectAttributes redirect) {
        ReceiptMethod chosen = method(method); // a choice none of those offered is 400, not a refusal on the page
        PageActions.attempt(redirect,
                // the form shows what finance typed again, not the plan's outstanding amount and blank fields
                () -> Flash.typed(redirect, "receiptTyped", "amount", amount, "receivedOn", receivedOn, "method", method,
                        "payer", payer, "reference", reference),
                () -> {
                    Receivable r = access.visible(id);
                    refused.check(); // after the scope: a plan out of it is the 404 page first
                    BigDecimal money = amount("amount", amount);
                    // no amount: nothing to the plan, the service refuses the receipt
                    BigDecimal toPlan = money == null ? BigDecimal.ZERO : money.min(r.outstanding());
                    Receipt receipt = receipts.record(new NewReceipt(r.customerId(), money,
                            date("receivedOn", receivedOn), chosen, payer, reference,
                            toPlan.signum() > 0 ? List.of(new AllocationRequest(r.id(), toPlan)) : List.of()));
                    Flash.success(redirect, "receipt.recorded", receipt.number(), MoneyText.of(receipt.amount()));
                    return receipt;
                });
        return "redirect:/receivables/" + id;
    }

    @PostMapping("/receivables/{id}/due-date")
    String dueDate(@PathVariable UUID id, @RequestParam(required = false) String dueDate,
                   @RequestParam(required = false) String reason,
                   @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return PageActions.run(redirect, "/receivables/" + id, "receivable.dueDate.saved", refused,
                // the form shows the day and the reason typed again, not the plan's due date
                () -> Flash.typed(redirect, "dueDateTyped", "dueDate", dueDate, "reason", reason),
                () -> planning.setDueDate(id, date("dueDate", dueDate), reason, version));
    }

    @PostMapping("/receivables/{id}/customer-reminded")
    String reminded(@PathVariable UUID id, RedirectAttributes redirect) {
        return PageActions.run(redirect, "/receivables/" + id, "receivable.reminder.confirmed",
                () -> { }, // a button, nothing typed to give back
                () -> planning.customerReminded(id));
    }

    @PostMapping("/receivables/{id}/write-off")
    String writeOff(@PathVariable UUID id, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        return PageActions.run(redirect, "/receivables/" + id, "receivable.writtenOff", refused,
                // the reason comes back as typed, on a refusal as on a plan changed meanwhile
                () -> Flash.typed(redirect, "writeOffTyped", "reason", reason),
                () -> planning.writeOff(id, reason, version));
    }

    /** Finance allocates what is left of a receipt to one plan of its customer (from the workbench or the receipt's page). */
    @PostMapping("/receipts/{id}/allocations")
    String allocate(@PathVariable UUID id, @RequestParam(required = false) List<UUID> receivableId,
                    @RequestParam(required = false) String amount, @RequestParam(required = false) Long version,
                    @RequestParam(required = false) String from, RefusedInput refused, RedirectAttributes redirect) {
        // back to the page the form was on, a stale version too (error.staleVersion), with the plan and amount typed
        String page = ReceiptController.FROM_PAGE.equals(from) ? "/receipts/" + id : "/receivables";
        return PageActions.runNaming(redirect, page, "receipt.allocated", refused,
                // the workbench lists many receipts: the one refused shows the plan chosen and the amount typed again
                () -> Flash.typed(redirect, "allocationTyped", "receipt", id, "receivableId", receivableId, "amount", amount),
                () -> receipts.allocate(id, chosenPlans(receivableId, amount("amount", amount)), version).number());
    }

    /**
     * The plan the form allocates to, as sent. Ids are read as ids, whatever their letter case: the same plan sent twice
     * goes to the service, which refuses a plan given twice; two plans are no plan chosen (the form offers one).
     */
    private static List<AllocationRequest> chosenPlans(List<UUID> chosen, BigDecimal amount) {
        if (chosen == null || chosen.isEmpty() || chosen.stream().anyMatch(java.util.Objects::isNull)
                || chosen.stream().distinct().count() > 1) {
            throw new FieldValidationException("receivableId", "receipt.allocation.plan");
        }
        return chosen.stream().map(plan -> new AllocationRequest(plan, amount)).toList();
    }

    /**
     * 收款台账 — the receipts list for finance: filtered by the day received, method, state, payer and customer, and to
     * the receipts that repeat a bank reference ({@code repeatedReference=true}), page by page — the query and filter
     * {@code GET /api/v1/receipts} answers, so a customer id no receipt names lists none, as there.
     */
    @GetMapping("/receipts")
    @PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
    String receiptList(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) ReceiptMethod method,
                       @RequestParam(required = false) com.lead2cash.receivable.internal.domain.ReceiptState state,
                       @RequestParam(required = false) String payer,
                       @RequestParam(defaultValue = "false") boolean repeatedReference,
                       @RequestParam(required = false) UUID customerId,
                       @RequestParam(required = false) String cursor,
                       @RequestHeader(value = "HX-Request", required = false) String htmx,
                       Model model) {
        var filter = new ReceiptQueries.Filter(from, to, method, state, payer, repeatedReference, customerId);
        model.addAttribute("filter", filter);
        model.addAttribute("filterCustomer", filterCustomer(customerId));
        model.addAttribute("methods", ReceiptMethod.values());
        model.addAttribute("states", com.lead2cash.receivable.internal.domain.ReceiptState.values());
        model.addAttribute("finance", ReceivableAccess.isFinance(CurrentUser.require()));
        com.lead2cash.platform.CursorPage<ReceiptQueries.ReceiptRow> page;
        try {
            page = receiptList.list(filter, cursor, LIST);
        } catch (FieldValidationException e) {
            model.addAttribute("filterError", e.errors().get(0).messageKey());
            page = new com.lead2cash.platform.CursorPage<>(List.of(), null);
        }
        model.addAttribute("page", page);
        model.addAttribute("receiptCustomers",
                customerNames(page.items().stream().map(ReceiptQueries.ReceiptRow::customerId).toList()));
        return htmx != null && cursor != null ? "receivable/receipts :: rows" : "receivable/receipts";
    }

    /** The customer the receipts list is filtered by, named as the customer module names it to the reader. */
    record FilterCustomer(UUID id, String name) {
    }

    /** The customer filter's chosen customer: its name, or none for a customer the reader may not see (never a hint). */
    private FilterCustomer filterCustomer(UUID customerId) {
        return customerId == null ? null
                : new FilterCustomer(customerId, customerNames(List.of(customerId)).get(customerId));
    }

    /** The customer filter of the receipts list for the customer just chosen, or empty again ({@code customerId} none). */
    @GetMapping("/receipts/customer-filter")
    @PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
    String receiptCustomerFilter(@RequestParam(required = false) UUID customerId, Model model) {
        model.addAttribute("filterCustomer", filterCustomer(customerId));
        return "receivable/receipts :: customerFilter";
    }

    /** The customers the receipts list's customer filter offers for what was typed, by the customer module's own search. */
    @GetMapping("/receipts/customer-filter/options")
    @PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
    String receiptCustomerOptions(@RequestParam(required = false) String customerSearch, Model model) {
        ReceiptFormController.customerOptions(model, customers, customerSearch);
        return "receivable/receipts :: customerOptions";
    }

    /** The receipts list as it is filtered, as an Excel file. */
    @GetMapping("/receipts/export.xlsx")
    @PreAuthorize(ReceivableAccess.RECEIPT_READER_ROLES)
    void exportReceipts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) ReceiptMethod method,
                        @RequestParam(required = false) com.lead2cash.receivable.internal.domain.ReceiptState state,
                        @RequestParam(required = false) String payer,
                        @RequestParam(defaultValue = "false") boolean repeatedReference,
                        @RequestParam(required = false) UUID customerId, java.util.Locale locale,
                        jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "receipts.xlsx", out -> receiptExport.write(
                new ReceiptQueries.Filter(from, to, method, state, payer, repeatedReference, customerId), locale, out));
    }

    /** Finance reverses a receipt with a reason (from the receipts list or the receipt's page). */
    @PostMapping("/receipts/{id}/reversal")
    String reverse(@PathVariable UUID id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) Long version, @RequestParam(required = false) String from,
                   RefusedInput refused, RedirectAttributes redirect) {
        // back to the page the form was on, a stale version too (error.staleVersion), with the reason typed
        String page = ReceiptController.FROM_PAGE.equals(from) ? "/receipts/" + id : "/receipts";
        return PageActions.runNaming(redirect, page, "receipt.reversedDone", refused,
                () -> Flash.typed(redirect, "reversalTyped", "receipt", id, "reason", reason),
                () -> receipts.reverse(id, reason, version).number());
    }

    /** The customers' names for a list: a merged customer under its survivor's name, as the customer module names it. */
    private Map<UUID, String> customerNames(List<UUID> customerIds) {
        return customerIds.isEmpty() ? Map.of() : customers.names(Set.copyOf(customerIds));
    }

    /**
     * An amount typed on these forms, read as every form reads one ({@link FormValues#readDecimal}: grouped or
     * full-width digits, no exponent); blank is null, for the service to refuse.
     */
    private static BigDecimal amount(String field, String text) {
        return FormValues.decimal(field, text, "receipt.amount.positive");
    }

    static LocalDate date(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, "receivable.date.invalid");
        }
    }

    /**
     * The method chosen on a receipt form; none chosen is null (the service asks for one, 422 on the form). A value that
     * is none of the choices offered was not picked by a person: the request cannot be read (400, decision 0014), as a
     * form choice bound by the platform is refused. Read before the action runs, so no page action flashes it.
     */
    static ReceiptMethod method(String text) {
        try {
            return text == null || text.isBlank() ? null : ReceiptMethod.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("method", "error.input.unknownChoice", "method");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReceivableNavigation {

        @Bean
        NavigationEntry receivablesNavigation() {
            return new NavigationEntry("receivable.nav", "/receivables", 160, ReceivableAccess.READERS);
        }

        @Bean
        com.lead2cash.contract.ContractPagePanel contractPlansPanel() {
            return new com.lead2cash.contract.ContractPagePanel("/receivables/contracts/{id}/panel", 15,
                    ReceivableAccess.READERS);
        }

        @Bean
        HomePanel collectionsDuePanel() {
            return new HomePanel("receivable.panel.title", "/receivables/panel", 30,
                    Set.of(Role.SALES_REP, Role.ACCOUNT_MANAGER));
        }
    }
}
