package com.lead2cash.catalog.internal.web;

import com.lead2cash.catalog.internal.CatalogRoles;
import com.lead2cash.catalog.internal.PriceList;
import com.lead2cash.catalog.internal.PriceListKind;
import com.lead2cash.catalog.internal.PriceListService;
import com.lead2cash.catalog.internal.Product;
import com.lead2cash.catalog.internal.ProductService;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.platform.web.FormValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The price-list screens: every list with its validity, a new list, and one list's terms, prices and customers. */
@Controller
@PreAuthorize("isAuthenticated()")
class PriceListController {

    static final String[] FIELDS = {"name", "kind", "channel", "validFrom", "validTo"};
    private static final Pattern UUID_IN_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    record TermsForm(String name, PriceListKind kind, String channel,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo, Long version) {
        PriceList.Terms terms() {
            return PriceList.Terms.validated(name, kind, channel, validFrom, validTo);
        }

        static TermsForm of(PriceList l) {
            return new TermsForm(l.name(), l.kind(), l.channel(), l.validFrom(), l.validTo(), l.version());
        }
    }

    /** A row of the list's prices as the page shows it. */
    record PriceRow(UUID productId, String code, String name, String unit, BigDecimal listPrice, BigDecimal unitPrice) {
    }

    record MemberRow(UUID customerId, String code, String name) {
    }

    private final PriceListService lists;
    private final ProductService products;
    private final com.lead2cash.catalog.Catalog catalog;
    private final CustomerDirectory customers;
    private final MessageSource messages;

    PriceListController(PriceListService lists, ProductService products, com.lead2cash.catalog.Catalog catalog,
                        CustomerDirectory customers, MessageSource messages) {
        this.lists = lists;
        this.products = products;
        this.catalog = catalog;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping("/price-lists")
    String list(Model model) {
        return listPage(model, new TermsForm(null, PriceListKind.STANDARD, null, null, null, null), FormProblems.NONE);
    }

    @PostMapping("/price-lists")
    @PreAuthorize(CatalogRoles.EDITORS)
    String create(@ModelAttribute("form") TermsForm form, BindingResult binding, RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale) {
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return listPage(model, form, unreadable);
        }
        try {
            refused.check();
            PriceList created = lists.create(form.terms(), Map.of(), List.of());
            Flash.success(redirect, "catalog.priceList.saved", created.name());
            return "redirect:/price-lists/" + created.id();
        } catch (DomainException e) {
            return listPage(model, form, FormProblems.of(e, messages, locale, FIELDS));
        }
    }

    @GetMapping("/price-lists/{id}")
    String detail(@PathVariable UUID id, Model model) {
        PriceList list = lists.require(id);
        return detailPage(model, list, TermsForm.of(list), FormProblems.NONE);
    }

    @PostMapping("/price-lists/{id}")
    @PreAuthorize(CatalogRoles.EDITORS)
    String change(@PathVariable UUID id, @ModelAttribute("form") TermsForm form, BindingResult binding,
                  RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale) {
        PriceList list = lists.require(id);
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return detailPage(model, list, form, unreadable);
        }
        try {
            refused.check();
            lists.change(id, new TermsForm(form.name(), list.kind(), form.channel(), form.validFrom(), form.validTo(),
                    form.version()).terms(), null, null, form.version());
            Flash.success(redirect, "catalog.priceList.saved", form.name());
            return "redirect:/price-lists/" + id;
        } catch (OptimisticLockingFailureException e) {
            return detailPage(model, list, form, FormProblems.of(new DomainException("error.staleVersion"), messages, locale));
        } catch (DomainException e) {
            return detailPage(model, list, form, FormProblems.of(e, messages, locale, FIELDS));
        }
    }

    /** Sets one product's price (by the product's code); an empty price removes it from the list. */
    @PostMapping("/price-lists/{id}/prices")
    @PreAuthorize(CatalogRoles.EDITORS)
    String price(@PathVariable UUID id, @RequestParam(required = false) String productCode,
                 @RequestParam(required = false) UUID productId, @RequestParam(required = false) String unitPrice,
                 @RequestParam(required = false) Long version, RefusedInput refused, RedirectAttributes redirect) {
        try {
            lists.require(id); // the list first: one that is none is the 404 page, not a refusal of the code typed
            refused.check();
            UUID product = productId;
            if (product == null) {
                product = products.requireByCode(productCode).id();
            }
            // the one reading of a typed amount, as the product form's: plain digits, grouped or not, no exponent
            BigDecimal price = FormValues.decimal("unitPrice", unitPrice, "error.form.unreadable");
            lists.price(id, product, price, version);
            Flash.success(redirect, price == null ? "catalog.priceList.priceRemoved" : "catalog.priceList.priceSet");
            return "redirect:/price-lists/" + id;
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        } catch (RecordNotFoundException e) {
            throw e; // not found: the 404 page, as a GET of it
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        // a product code mistyped: the form shows the code and the price again
        Flash.typed(redirect, "priceTyped", "productCode", productCode, "unitPrice", unitPrice);
        return "redirect:/price-lists/" + id;
    }

    /** Adds or removes a customer of a customer-group list; the customer is named by its page's address or id. */
    @PostMapping("/price-lists/{id}/members")
    @PreAuthorize(CatalogRoles.EDITORS)
    String member(@PathVariable UUID id, @RequestParam(required = false) String customer,
                  @RequestParam(defaultValue = "add") String action, @RequestParam(required = false) Long version,
                  RefusedInput refused, RedirectAttributes redirect) {
        try {
            PriceList list = lists.require(id);
            refused.check();
            Matcher m = customer == null ? null : UUID_IN_TEXT.matcher(customer);
            if (m == null || !m.find()) {
                throw new FieldValidationException("customer", "catalog.priceList.customer.unknown", String.valueOf(customer));
            }
            UUID customerId = UUID.fromString(m.group());
            Set<UUID> members = new HashSet<>(list.customerIds());
            if ("remove".equals(action)) {
                members.remove(customerId);
            } else {
                members.add(customerId);
            }
            lists.change(id, TermsForm.of(list).terms(), null, members, version);
            Flash.success(redirect, "catalog.priceList.saved", list.name());
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        } catch (RecordNotFoundException e) {
            throw e; // not found: the 404 page, as a GET of it
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/price-lists/" + id;
    }

    @PostMapping("/price-lists/{id}/active")
    @PreAuthorize(CatalogRoles.EDITORS)
    String setActive(@PathVariable UUID id, @RequestParam boolean active, @RequestParam(required = false) Long version,
                     RedirectAttributes redirect) {
        try {
            lists.setActive(id, active, version);
            Flash.success(redirect, active ? "catalog.priceList.activated" : "catalog.priceList.deactivated");
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        } catch (RecordNotFoundException e) {
            throw e; // not found: the 404 page, as a GET of it
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/price-lists/" + id;
    }

    private String listPage(Model model, TermsForm form, FormProblems problems) {
        model.addAttribute("lists", lists.all());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", PriceListKind.values());
        model.addAttribute("mayEdit", mayEdit());
        return "catalog/price-lists";
    }

    private String detailPage(Model model, PriceList list, TermsForm form, FormProblems problems) {
        var byId = catalog.products(list.entries().stream().map(e -> e.productId()).toList());
        List<PriceRow> prices = new ArrayList<>();
        for (var e : list.entries()) {
            var p = byId.get(e.productId());
            prices.add(new PriceRow(e.productId(), p == null ? "?" : p.code(), p == null ? "" : p.name(),
                    p == null ? null : p.unit(), p == null ? null : p.listPrice(), e.unitPrice()));
        }
        prices.sort(Comparator.comparing(PriceRow::code, String.CASE_INSENSITIVE_ORDER));
        // a customer the reader may not read is left out, not shown as unknown: the page gives no hint of it
        List<MemberRow> members = lists.visibleMembers(List.of(list)).stream()
                .map(cid -> customers.find(cid).map(c -> new MemberRow(cid, c.code(), c.name()))
                        .orElse(new MemberRow(cid, "?", "")))
                .sorted(Comparator.comparing(MemberRow::code)).toList();
        model.addAttribute("list", list);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("prices", prices);
        model.addAttribute("members", members);
        model.addAttribute("mayEdit", mayEdit());
        return "catalog/price-list";
    }

    private static boolean mayEdit() {
        return CatalogRoles.currentUserEdits();
    }
}
