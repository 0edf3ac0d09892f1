package com.lead2cash.receivable.internal.web;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CustomerDirectory.CustomerRef;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormValues;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.receivable.internal.ReceiptService;
import com.lead2cash.receivable.internal.ReceiptService.AllocationRequest;
import com.lead2cash.receivable.internal.ReceiptService.NewReceipt;
import com.lead2cash.receivable.internal.ReceivableAccess;
import com.lead2cash.receivable.internal.ReceivablePolicy;
import com.lead2cash.receivable.internal.ReceivableQueries;
import com.lead2cash.receivable.internal.ReceivableQueries.PlanRow;
import com.lead2cash.receivable.internal.domain.Receipt;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 登记收款 from the receipts list: finance picks the customer who paid, enters the money as the bank statement shows
 * it and splits it over any of the customer's open plans; what is not allocated waits on the receipt (an advance
 * payment when nothing is). Recorded by the same service as {@code POST /api/v1/receipts}; a refusal comes back on
 * the form with everything typed. Finance only; a customer or plan the reader may not see is 404.
 */
@Controller
@PreAuthorize(ReceivableAccess.FINANCE_ROLES)
class ReceiptFormController {

    /** The flash attribute holding what a refused form held. */
    static final String TYPED = "newReceiptTyped";
    /** The flash attribute naming the form field a refusal is about, to mark it. */
    static final String PROBLEM = "newReceiptProblem";
    /** An allocation's field: this prefix and the plan's id. */
    static final String ALLOCATION = "alloc-";
    private static final Set<String> FIELDS = Set.of("customerId", "amount", "receivedOn", "method", "payer", "reference");
    private static final String CUSTOMER = "Customer";

    /** What the form shows in its fields: a fresh form's defaults, or what was typed. */
    record Values(String amount, String receivedOn, String method, String payer, String reference,
                  Map<String, String> allocations) {

        static Values fresh(LocalDate today) {
            return new Values(null, today.toString(), null, null, null, Map.of());
        }

        static Values typed(Map<String, String> typed) {
            Map<String, String> allocations = new LinkedHashMap<>();
            typed.forEach((name, value) -> {
                if (name.startsWith(ALLOCATION)) {
                    // keyed as the form names its fields (the plan's id in lower case), a plan's value typed under an
                    // id in upper case shown in its field all the same
                    String plan = planKey(name.substring(ALLOCATION.length()));
                    if (!FormValues.blank(value) || !allocations.containsKey(plan)) {
                        allocations.put(plan, value);
                    }
                }
            });
            return new Values(typed.get("amount"), typed.get("receivedOn"), typed.get("method"), typed.get("payer"),
                    typed.get("reference"), allocations);
        }

        /** What was typed for the plan. */
        public String allocation(UUID planId) {
            return allocations.get(planId.toString());
        }

        /**
         * What the amount leaves once the allocations typed are taken off, for the form to show (its script keeps it
         * current while finance types); null while a figure cannot be read. The service decides.
         */
        public BigDecimal left() {
            try {
                BigDecimal left = FormValues.decimal("amount", amount, "receipt.amount.positive");
                if (left == null) {
                    return null;
                }
                for (String a : allocations.values()) {
                    BigDecimal part = FormValues.decimal("allocation", a, "receipt.allocation.amount");
                    left = part == null ? left : left.subtract(part);
                }
                return left;
            } catch (DomainException unreadable) {
                return null;
            }
        }
    }

    private final ReceiptService receipts;
    private final ReceivableQueries queries;
    private final ReceivableAccess access;
    private final ReceivablePolicy policy;
    private final CustomerDirectory customers;

    ReceiptFormController(ReceiptService receipts, ReceivableQueries queries, ReceivableAccess access,
                          ReceivablePolicy policy, CustomerDirectory customers) {
        this.receipts = receipts;
        this.queries = queries;
        this.access = access;
        this.policy = policy;
        this.customers = customers;
    }

    /** The form; with {@code customerId} (a link, or the form given back after a refusal) the customer chosen. */
    @GetMapping("/receipts/new")
    String form(@RequestParam(required = false) String customerId, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute(TYPED);
        LocalDate today = policy.today();
        details(model, id(CUSTOMER, customerId), typed == null ? Values.fresh(today) : Values.typed(typed), today);
        // a reference another receipt has is said beside the field, naming that receipt: there alone, not again above
        if ("reference".equals(model.getAttribute(PROBLEM)) && model.getAttribute("flashError") != null
                && model.getAttribute("flashMore") == null) {
            model.addAttribute("referenceProblem", model.getAttribute("flashError"));
            model.addAttribute("referenceProblemArgs", model.getAttribute("flashArgs"));
            model.asMap().remove("flashError");
        }
        return "receivable/receipt-form";
    }

    /** The customer picker's matches: the customer module's own search (name, pinyin, code, phone). */
    @GetMapping("/receipts/new/customers")
    String customerOptions(@RequestParam(required = false) String q, Model model) {
        customerOptions(model, customers, q);
        return "receivable/receipt-form :: customerOptions";
    }

    /**
     * A customer picker's matches for what was typed (this form's, the receipts list's filter): the customer module's
     * own search, from two characters on, eight at most.
     */
    static void customerOptions(Model model, CustomerDirectory customers, String typed) {
        boolean searched = typed != null && typed.strip().length() >= 2;
        model.addAttribute("searched", searched);
        model.addAttribute("options", searched ? customers.search(typed.strip(), 8) : List.of());
    }

    /** The form's fields again for the customer just {@code chosen}, with their open plans and what was typed kept. */
    @GetMapping("/receipts/new/details")
    String chosen(@RequestParam(required = false) String chosen, @RequestParam Map<String, String> typed, Model model) {
        details(model, id(CUSTOMER, chosen), Values.typed(typed), policy.today());
        model.addAttribute("chosen", true);
        return "receivable/receipt-form :: receiptDetails";
    }

    /** Records the receipt with its allocations (none: it all waits unallocated), then lists it among the receipts. */
    @PostMapping("/receipts")
    String record(@RequestParam Map<String, String> form, RefusedInput refused, RedirectAttributes redirect) {
        // ids the reader may not see are 404 before anything is refused on the form: a refusal would tell they exist
        UUID customerId = id(CUSTOMER, form.get("customerId"));
        if (customerId != null) {
            customers.requireVisible(customerId);
        }
        // a plan's field read by the plan's id, whatever its letter case: the service refuses one plan named twice
        List<Map.Entry<UUID, String>> typedAllocations = new ArrayList<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith(ALLOCATION) && !FormValues.blank(field.getValue())) {
                UUID plan = id(ReceivableAccess.SUBJECT, field.getKey().substring(ALLOCATION.length()));
                typedAllocations.add(Map.entry(plan, field.getValue()));
            }
        }
        boolean tooMany = typedAllocations.size() > ReceiptService.MAX_ALLOCATIONS; // refused below, none looked up
        if (!tooMany) {
            typedAllocations.forEach(a -> access.visible(a.getKey()));
        }
        // a method none of those offered is 400 (decision 0014), not a refusal given back on the form
        ReceiptMethod method = ReceivableController.method(form.get("method"));
        List<UUID> allocated = new ArrayList<>();
        try {
            refused.check();
            if (tooMany) {
                throw new FieldValidationException("allocations", "receipt.allocations.tooMany", ReceiptService.MAX_ALLOCATIONS);
            }
            List<AllocationRequest> allocations = new ArrayList<>();
            for (Map.Entry<UUID, String> a : typedAllocations) {
                BigDecimal part = FormValues.decimal(ALLOCATION + a.getKey(), a.getValue(), "receipt.allocation.amount");
                if (part.signum() != 0) { // a 0 typed in a plan's field allocates nothing to it, as a blank does
                    allocations.add(new AllocationRequest(a.getKey(), part));
                    allocated.add(a.getKey());
                }
            }
            Receipt r = receipts.record(new NewReceipt(customerId,
                    FormValues.decimal("amount", form.get("amount"), "receipt.amount.positive"),
                    FormValues.date("receivedOn", form.get("receivedOn"), "receivable.date.invalid"),
                    method, form.get("payer"), form.get("reference"),
                    allocations));
            Flash.success(redirect, "receipt.new.recorded", r.number(), MoneyText.of(r.amount()),
                    MoneyText.of(r.allocatedAmount()), MoneyText.of(r.unallocated()));
            return "redirect:/receipts";
        } catch (RecordNotFoundException e) {
            throw e;
        } catch (DomainException e) {
            Flash.error(redirect, e);
            String problem = field(e, allocated);
            if (problem != null) {
                redirect.addFlashAttribute(PROBLEM, problem);
            }
            List<String> typed = new ArrayList<>();
            form.forEach((name, value) -> {
                if (FIELDS.contains(name) || name.startsWith(ALLOCATION)) {
                    typed.add(name);
                    typed.add(value);
                }
            });
            Flash.typed(redirect, TYPED, typed.toArray(String[]::new));
            return "redirect:/receipts/new" + (customerId == null ? "" : "?customerId=" + customerId);
        }
    }

    private void details(Model model, UUID customerId, Values values, LocalDate today) {
        CustomerRef customer = customerId == null ? null : customers.requireVisible(customerId);
        java.util.Optional<CustomerRef> survivor = customer == null ? java.util.Optional.empty()
                : customers.mergedInto(customer.id());
        if (survivor.isPresent()) {
            // a merged customer takes no receipt (the service refuses it): the form says where its business went instead
            model.addAttribute("mergedCustomer", customer);
            model.addAttribute("mergedInto", survivor.get());
            customer = null;
        }
        List<PlanRow> plans = List.of();
        LocalDate earliest = InputRules.earliestBack(today);
        if (customer != null) {
            plans = openPlans(queries, access, customer.id());
            // the date picker offers the days the service accepts, as on a plan's page
            earliest = receipts.earliestDay(customer.id()).orElse(earliest);
        }
        model.addAttribute("customer", customer);
        model.addAttribute("plans", plans);
        model.addAttribute("values", values);
        model.addAttribute("methods", ReceiptMethod.values());
        model.addAttribute("today", today);
        model.addAttribute("earliestReceipt", earliest);
    }

    /** The form field a refusal is about: the service names an allocation by its place in the list it was given. */
    private static String field(DomainException e, List<UUID> allocated) {
        if (!(e instanceof FieldValidationException fields) || fields.errors().isEmpty()) {
            return null;
        }
        String field = fields.errors().get(0).field();
        if (field != null && field.startsWith("allocations[")) {
            int end = field.indexOf(']');
            try {
                int i = Integer.parseInt(field.substring("allocations[".length(), end));
                return i < allocated.size() ? ALLOCATION + allocated.get(i) : null;
            } catch (NumberFormatException | IndexOutOfBoundsException e2) {
                return null;
            }
        }
        return field;
    }

    /** The customer's open plans a receipt may be allocated to, those the caller sees (this form, a receipt's page). */
    static List<PlanRow> openPlans(ReceivableQueries queries, ReceivableAccess access, UUID customerId) {
        Predicate<UUID> visible = access.visibleOwners();
        return queries.openOfCustomers(Set.of(customerId), ReceiptService.MAX_ALLOCATIONS)
                .getOrDefault(customerId, List.of()).stream().filter(p -> visible.test(p.ownerId())).toList();
    }

    /** A plan's id as a field name carries it, read as the id it is (any letter case); what is no id as it was. */
    private static String planKey(String text) {
        try {
            return UUID.fromString(text.strip()).toString();
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** An id sent by the form; one that is no id at all is a record that does not exist. */
    static UUID id(String subject, String text) {
        if (FormValues.blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException(subject, text);
        }
    }
}
