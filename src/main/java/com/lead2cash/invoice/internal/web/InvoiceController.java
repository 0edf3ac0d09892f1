package com.lead2cash.invoice.internal.web;

import static com.lead2cash.platform.web.FormValues.blank;
import static com.lead2cash.platform.web.FormValues.date;
import static com.lead2cash.platform.web.FormValues.decimal;
import static com.lead2cash.platform.web.FormValues.version;

import com.lead2cash.contract.ContractPagePanel;
import com.lead2cash.invoice.internal.BuyerDefaults;
import com.lead2cash.invoice.internal.InvoiceExport;
import com.lead2cash.invoice.internal.InvoiceQueries;
import com.lead2cash.invoice.internal.InvoiceService;
import com.lead2cash.invoice.internal.InvoiceService.LineRequest;
import com.lead2cash.invoice.internal.InvoiceService.NewInvoice;
import com.lead2cash.invoice.internal.domain.Invoice;
import com.lead2cash.invoice.internal.domain.InvoiceAction;
import com.lead2cash.invoice.internal.domain.InvoiceStatus;
import com.lead2cash.invoice.internal.domain.InvoiceType;
import com.lead2cash.platform.VatRates;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.platform.web.VersionedForm;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invoice screens (发票): the list in the reader's scope by status and type, the invoices card on a
 * signed contract's page with what is not yet invoiced, the request form (专票/普票, the buyer's invoicing
 * data, lines and tax rates), and an invoice's page with finance's approval, issuing with the number and
 * date, the red-letter reversal (红冲), and the cancellation (撤销) of a request not yet issued. A refused form comes back with the messages beside its fields
 * (422) and nothing changed.
 */
@Controller
@PreAuthorize(InvoiceService.READER_ROLES)
class InvoiceController {

    /** Line rows the request form offers. */
    static final int LINE_ROWS = 3;
    static final Set<Role> READERS = InvoiceService.READERS;

    private final InvoiceService service;
    private final InvoiceQueries queries;
    private final BuyerDefaults buyers;
    private final MessageSource messages;
    private final InvoiceExport export;
    private final OrgDirectory org;

    InvoiceController(InvoiceService service, InvoiceQueries queries, BuyerDefaults buyers, MessageSource messages,
                      InvoiceExport export, OrgDirectory org) {
        this.export = export;
        this.org = org;
        this.service = service;
        this.queries = queries;
        this.buyers = buyers;
        this.messages = messages;
    }

    @GetMapping("/invoices")
    String list(@RequestParam(required = false) InvoiceStatus status, @RequestParam(required = false) InvoiceType type,
                @RequestParam(required = false) String cursor, Model model) {
        var page = queries.list(status, type, cursor, 50);
        model.addAttribute("page", page);
        // a request not yet issued on a terminated contract can never be issued (decision 0044): the list says so
        model.addAttribute("neverIssuable", service.neverIssuable(page.items()));
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("statuses", InvoiceStatus.values());
        model.addAttribute("types", InvoiceType.values());
        return "invoice/list";
    }

    /** The list as it is filtered, as an Excel file. */
    @GetMapping("/invoices/export.xlsx")
    void export(@RequestParam(required = false) InvoiceStatus status, @RequestParam(required = false) InvoiceType type,
                Locale locale, HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "invoices.xlsx",
                out -> export.write(status, type, locale, out));
    }

    /** The card on a contract's page: its invoices, what is left to invoice, and "request an invoice". */
    @GetMapping("/invoices/contracts/{contractId}/panel")
    String contractPanel(@PathVariable UUID contractId, Model model) {
        var contract = service.signedContract(contractId);
        model.addAttribute("signed", contract.isPresent());
        model.addAttribute("contractId", contractId);
        model.addAttribute("invoices", contract.isPresent() ? service.ofContract(contractId) : List.of());
        model.addAttribute("uninvoiced", contract.isPresent() ? service.uninvoiced(contractId) : BigDecimal.ZERO);
        model.addAttribute("mayRequest", contract.isPresent() && service.requestable(contractId).isPresent());
        return "invoice/contract-panel :: panel";
    }

    /** The request form as entered: the lines as three parallel lists. */
    record RequestForm(UUID contractId, String type, String buyerName, String buyerTaxId, String buyerAddressPhone,
                       String buyerBankAccount, String amount, List<String> descriptions, List<String> amounts,
                       List<String> taxRates) {

        public String at(List<String> list, int i) {
            return i < list.size() ? list.get(i) : null;
        }
    }

    @GetMapping("/invoices/new")
    String newRequest(@RequestParam(required = false) UUID contractId, Model model, RedirectAttributes redirect) {
        if (contractId == null) {
            // a request is made on its contract: the signed contracts, archived ones with them, where each offers it
            Flash.error(redirect, "invoice.request.pickContract");
            return "redirect:/contracts?signed=true";
        }
        InvoiceService.Requestable r = service.requireRequestable(contractId);
        List<String> descriptions = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        // prefilled as the screens show amounts (318,000.00); read back by FormValues.decimal, which takes the grouping
        String uninvoiced = MoneyText.of(r.uninvoiced());
        // at the rates the contract's products are taxed at, so the lines need no typing when the catalog knows them
        for (InvoiceService.StartingLine line : service.startingLines(r, LINE_ROWS)) {
            descriptions.add(line.description());
            amounts.add(MoneyText.of(line.amount()));
            rates.add(line.taxRate() == null ? "" : line.taxRate().toPlainString());
        }
        while (descriptions.size() < LINE_ROWS) {
            descriptions.add("");
            amounts.add("");
            rates.add("");
        }
        // a VAT special invoice needs the buyer's address and bank: start from what the system knows of them
        BuyerDefaults.Buyer known = buyers.of(r.contract().customerId(), r.contract().buyerTaxId());
        return form(model, r, new RequestForm(contractId, InvoiceType.VAT_SPECIAL.name(), r.contract().buyerName(),
                r.contract().buyerTaxId(), known.addressPhone(), known.bankAccount(), uninvoiced, descriptions, amounts,
                rates),
                FormProblems.NONE);
    }

    @PostMapping("/invoices")
    String request(@RequestParam UUID contractId, @RequestParam(required = false) String type,
                   @RequestParam(required = false) String buyerName, @RequestParam(required = false) String buyerTaxId,
                   @RequestParam(required = false) String buyerAddressPhone,
                   @RequestParam(required = false) String buyerBankAccount, @RequestParam(required = false) String amount,
                   @RequestParam(name = "lineDescription", required = false) List<String> descriptions,
                   @RequestParam(name = "lineAmount", required = false) List<String> amounts,
                   @RequestParam(name = "lineTaxRate", required = false) List<String> rates,
                   Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        RequestForm form = new RequestForm(contractId, type, buyerName, buyerTaxId, buyerAddressPhone, buyerBankAccount,
                amount, descriptions == null ? List.of() : descriptions, amounts == null ? List.of() : amounts,
                rates == null ? List.of() : rates);
        List<Integer> rows = new ArrayList<>();
        try {
            List<LineRequest> lines = new ArrayList<>();
            for (int i = 0; i < form.descriptions().size(); i++) {
                String d = form.descriptions().get(i);
                String a = form.at(form.amounts(), i);
                String t = form.at(form.taxRates(), i);
                if (blank(d) && blank(a) && blank(t)) {
                    continue;
                }
                String at = "lines[" + lines.size() + "]";
                rows.add(i);
                lines.add(new LineRequest(d, decimal(at + ".amount", a, "invoice.amount.positive"),
                        decimal(at + ".taxRate", t, "invoice.line.taxRate")));
            }
            InvoiceType invoiceType;
            try {
                invoiceType = blank(type) ? null : InvoiceType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new FieldValidationException("type", "invoice.type.required");
            }
            Invoice inv = service.request(new NewInvoice(contractId, invoiceType, buyerName, buyerTaxId, buyerAddressPhone,
                    buyerBankAccount, decimal("amount", amount, "invoice.amount.positive"), lines));
            Flash.success(redirect, "invoice.flash.requested", inv.number());
            return "redirect:/invoices/" + inv.id();
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, service.requireRequestable(contractId), form, FormProblems.of(e, messages, locale, formFields(form))
                    .renumbered("lines", rows));
        }
    }

    private static String[] formFields(RequestForm form) {
        List<String> fields = new ArrayList<>(List.of("type", "buyerName", "buyerTaxId", "buyerAddressPhone",
                "buyerBankAccount", "amount"));
        for (int i = 0; i < form.descriptions().size(); i++) {
            fields.addAll(List.of("lines[" + i + "].description", "lines[" + i + "].amount", "lines[" + i + "].taxRate"));
        }
        return fields.toArray(String[]::new);
    }

    private String form(Model model, InvoiceService.Requestable requestable, RequestForm form, FormProblems problems) {
        model.addAttribute("requestable", requestable);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("types", InvoiceType.values());
        model.addAttribute("vatRates", VatRates.LAWFUL);
        return "invoice/form";
    }

    @GetMapping("/invoices/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return page(service.visible(id), null, Map.of(), FormProblems.NONE, model);
    }

    @PostMapping("/invoices/{id}/issue")
    @VersionedForm
    String issue(@PathVariable UUID id, @RequestParam Map<String, String> values, RefusedInput refused, Model model,
                 RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "issue", values, refused, model, redirect, locale, response, "invoice.flash.issued",
                () -> service.issue(id, values.get("invoiceNumber"), values.get("invoiceCode"),
                        date("invoicedOn", values.get("invoicedOn"), "invoice.invoicedOn.invalid"), version(values)),
                "invoiceNumber", "invoiceCode", "invoicedOn");
    }

    @PostMapping("/invoices/{id}/red-reversal")
    @VersionedForm
    String redReverse(@PathVariable UUID id, @RequestParam Map<String, String> values, RefusedInput refused,
                      Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "red", values, refused, model, redirect, locale, response, "invoice.flash.redReversed",
                () -> service.redReverse(id, values.get("reason"), version(values)), "reason");
    }

    @PostMapping("/invoices/{id}/cancellation")
    @VersionedForm
    String cancel(@PathVariable UUID id, @RequestParam Map<String, String> values, RefusedInput refused,
                  Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "cancel", values, refused, model, redirect, locale, response, "invoice.flash.cancelled",
                () -> service.cancel(id, values.get("reason"), version(values)), "reason");
    }

    private String act(UUID id, String form, Map<String, String> values, RefusedInput refused, Model model,
                       RedirectAttributes redirect, Locale locale, HttpServletResponse response, String success,
                       Supplier<Invoice> work, String... fields) {
        try {
            refused.check();
            work.get();
            Flash.success(redirect, success);
            return "redirect:/invoices/" + id;
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(service.visible(id), form, values,
                    FormProblems.of(new DomainException("error.staleVersion"), messages, locale), model);
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(service.visible(id), form, values, FormProblems.of(e, messages, locale, fields), model);
        }
    }

    private String page(Invoice inv, String failed, Map<String, String> values, FormProblems problems, Model model) {
        Set<InvoiceAction> actions = service.actions(inv);
        model.addAttribute("inv", inv);
        model.addAttribute("actions", actions);
        model.addAttribute("contractTerminated", service.neverIssuable(inv));
        model.addAttribute("cancelledBy", inv.cancelledBy() == null ? null
                : org.person(inv.cancelledBy()).map(OrgDirectory.Person::displayName).orElse(null));
        model.addAttribute("approval", service.approval(inv).orElse(null));
        model.addAttribute("approvalLinked", service.approvalOpenable(inv));
        model.addAttribute("failed", failed);
        model.addAttribute("values", values);
        model.addAttribute("noValues", Map.of());
        model.addAttribute("problems", problems);
        model.addAttribute("today", service.today());
        model.addAttribute("earliestInvoiceDate", service.earliestInvoiceDate(inv));
        model.addAttribute("latestInvoiceDate", service.latestInvoiceDate());
        return "invoice/detail";
    }





    @Configuration(proxyBeanMethods = false)
    static class InvoiceNavigation {

        @Bean
        NavigationEntry invoicesNavigation() {
            return new NavigationEntry("invoice.nav", "/invoices", 165, READERS);
        }

        @Bean
        ContractPagePanel contractInvoicesPanel() {
            return new ContractPagePanel("/invoices/contracts/{id}/panel", 20, READERS);
        }
    }
}
