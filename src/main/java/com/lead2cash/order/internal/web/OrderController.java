package com.lead2cash.order.internal.web;

import com.lead2cash.contract.Contracts;
import com.lead2cash.confirmation.Confirmations;
import static com.lead2cash.platform.web.FormValues.blank;
import static com.lead2cash.platform.web.FormValues.date;
import static com.lead2cash.platform.web.FormValues.decimal;
import static com.lead2cash.platform.web.FormValues.version;

import com.lead2cash.catalog.Catalog;
import com.lead2cash.confirmation.SentConfirmation;
import com.lead2cash.contract.ContractPagePanel;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.files.FileResponses;
import com.lead2cash.files.StoredFile;
import com.lead2cash.order.internal.OrderAccess;
import com.lead2cash.order.internal.OrderQueries;
import com.lead2cash.order.internal.OrderService;
import com.lead2cash.order.internal.OrderService.AcceptanceForm;
import com.lead2cash.order.internal.OrderService.LineRequest;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderAction;
import com.lead2cash.order.internal.domain.OrderStatus;
import com.lead2cash.platform.DocumentLanguage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.platform.web.VersionedForm;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order screens (订单): the list in the reader's scope, the orders card on a signed contract's page
 * with "create order", the order form prefilled from the contract, and an order's page — lines and what
 * has shipped, shipments with their waybills and the D2 deadline, the promised dates (D3), the weekly
 * progress check (D1), acceptance — offering exactly the actions the order answers as available. A refused
 * form comes back with the messages beside its fields (422) and nothing changed.
 */
@Controller
@PreAuthorize(OrderAccess.READER_ROLES)
class OrderController {

    /** Product rows the order form offers for a contract that lists no products. */
    static final int CATALOGUE_ROWS = 3;

    private final OrderQueries queries;
    private final OrderService service;
    private final OrderAccess access;
    private final CustomerDirectory customers;
    private final Catalog catalog;
    private final MessageSource messages;
    private final Confirmations confirmations;
    private final Contracts contracts;
    private final com.lead2cash.order.internal.OrderExport export;

    OrderController(OrderQueries queries, OrderService service, OrderAccess access, CustomerDirectory customers,
                    Catalog catalog, MessageSource messages, Confirmations confirmations, Contracts contracts,
                    com.lead2cash.order.internal.OrderExport export) {
        this.export = export;
        this.queries = queries;
        this.service = service;
        this.access = access;
        this.customers = customers;
        this.catalog = catalog;
        this.messages = messages;
        this.confirmations = confirmations;
        this.contracts = contracts;
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) String cursor,
                Model model) {
        var page = queries.list(null, status, cursor, 50);
        model.addAttribute("page", page);
        // a contract linked only for a reader who may open it (an accepted order stays with its rep when the
        // contract goes on with its customer)
        model.addAttribute("openableContracts", contracts.openable(page.items().stream().map(o -> o.contractId()).toList()));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        return "order/list";
    }

    /** The list as it is filtered, as an Excel file. */
    @GetMapping("/orders/export.xlsx")
    void export(@RequestParam(required = false) OrderStatus status, java.util.Locale locale,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        com.lead2cash.platform.web.Download.xlsx(response, "orders.xlsx",
                out -> export.write(status, locale, out));
    }

    /** The card on a contract's page: its orders, and "create order" when the contract may have one. */
    @GetMapping("/orders/contracts/{contractId}/panel")
    String contractPanel(@PathVariable UUID contractId, Model model) {
        var contract = service.signedContract(contractId);
        model.addAttribute("signed", contract.isPresent());
        model.addAttribute("contractId", contractId);
        model.addAttribute("orders", contract.isPresent() ? service.ofContract(contractId) : List.of());
        model.addAttribute("mayOrder", contract.isPresent() && service.orderable(contractId).isPresent());
        return "order/contract-panel :: panel";
    }

    // ---- a new order from a signed contract

    /** The order form as entered: one row per product, with the quantity to order. */
    record OrderForm(UUID contractId, List<String> productIds, List<String> quantities, String address,
                     String consignee, String consigneePhone, String promisedDate) {
    }

    @GetMapping("/orders/new")
    String newOrder(@RequestParam UUID contractId, Model model) {
        OrderService.Orderable orderable = service.requireOrderable(contractId);
        List<String> products = new ArrayList<>();
        List<String> quantities = new ArrayList<>();
        orderable.lines().forEach(l -> {
            products.add(l.productId().toString());
            quantities.add(l.left().stripTrailingZeros().toPlainString());
        });
        for (int i = 0; orderable.fromCatalogue() && i < CATALOGUE_ROWS; i++) {
            products.add("");
            quantities.add("");
        }
        return form(model, orderable, new OrderForm(contractId, products, quantities, null, null, null, null),
                FormProblems.NONE);
    }

    @PostMapping("/orders")
    String create(@RequestParam UUID contractId, @RequestParam(name = "productId", required = false) List<String> productIds,
                  @RequestParam(name = "quantity", required = false) List<String> quantities,
                  @RequestParam(required = false) String address, @RequestParam(required = false) String consignee,
                  @RequestParam(required = false) String consigneePhone, @RequestParam(required = false) String promisedDate,

                  RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale,
                  HttpServletResponse response) {
        List<String> products = productIds == null ? List.of() : productIds;
        List<String> amounts = quantities == null ? List.of() : quantities;
        OrderForm form = new OrderForm(contractId, products, amounts, address, consignee, consigneePhone, promisedDate);
        List<Integer> rows = new ArrayList<>();
        try {
            refused.check();
            // what cannot be read goes on as missing, so the order answers every other problem of the form at once
            List<FieldValidationException.FieldError> unread = new ArrayList<>();
            List<LineRequest> lines = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                String product = products.get(i);
                String quantity = i < amounts.size() ? amounts.get(i) : null;
                if (blank(product) && blank(quantity)) {
                    continue;
                }
                String at = "lines[" + lines.size() + "]";
                rows.add(i);
                BigDecimal q = read(unread, () -> decimal(at + ".quantity", quantity, "order.line.quantity"));
                if (q != null && q.signum() == 0) {
                    rows.remove(rows.size() - 1); // a row set to nothing is a product left for a later order
                    continue;
                }
                lines.add(new LineRequest(blank(product) ? null : read(unread, () -> uuid(at + ".productId", product)), q));
            }
            LocalDate promised = read(unread, () -> date("promisedDate", promisedDate, "order.promisedDate.required"));
            if (lines.isEmpty()) {
                // no lines would order the whole contract: refused here, with the rest of the form's problems
                List<FieldValidationException.FieldError> errors = new ArrayList<>(unread);
                errors.add(new FieldValidationException.FieldError("lines", "order.lines.required"));
                errors.addAll(Order.problems(address, consignee, consigneePhone, promised, service.today()));
                throw new FieldValidationException(firstPerField(errors));
            }
            Order o;
            try {
                o = service.create(contractId, lines, address, consignee, consigneePhone, promised);
            } catch (FieldValidationException e) {
                List<FieldValidationException.FieldError> errors = new ArrayList<>(unread);
                errors.addAll(e.errors());
                throw new FieldValidationException(firstPerField(errors));
            }
            Flash.success(redirect, "order.flash.created", o.number());
            return "redirect:/orders/" + o.id();
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<String> shown = new ArrayList<>(List.of("address", "consignee", "consigneePhone", "promisedDate"));
            for (int i = 0; i < products.size(); i++) {
                shown.add("lines[" + i + "].productId");
                shown.add("lines[" + i + "].quantity");
            }
            return form(model, service.requireOrderable(contractId), form,
                    FormProblems.of(e, messages, locale, shown.toArray(String[]::new)).renumbered("lines", rows));
        }
    }

    private String form(Model model, OrderService.Orderable orderable, OrderForm form, FormProblems problems) {
        model.addAttribute("orderable", orderable);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("products", orderable.fromCatalogue() ? catalog.activeProducts(500) : List.of());
        return "order/form";
    }

    // ---- an order's page and its actions

    @GetMapping("/orders/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return page(access.visible(id), null, Map.of(), FormProblems.NONE, model);
    }

    @GetMapping("/orders/{id}/acceptance-form")
    ResponseEntity<Resource> acceptanceForm(@PathVariable UUID id) {
        StoredFile file = service.acceptanceForm(id);
        return FileResponses.inline(file, service.open(file));
    }

    @PostMapping("/orders/{id}/preparation")
    String prepare(@PathVariable UUID id, @RequestParam(required = false) Long version, @RequestParam Map<String, String> values,
                   Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "prepare", values, RefusedInput.NONE, model, redirect, locale, response, "order.flash.preparing",
                () -> service.startPreparing(id, version));
    }

    @PostMapping("/orders/{id}/shipments")
    @VersionedForm
    String ship(@PathVariable UUID id, @RequestParam Map<String, String> values,
                RefusedInput refused, Model model, RedirectAttributes redirect,
                Locale locale, HttpServletResponse response) {
        return act(id, "ship", values, refused, model, redirect, locale, response, "order.flash.shipped", () -> {
            String line = values.get("line");
            int key;
            try {
                key = blank(line) ? 0 : Integer.parseInt(line.strip());
            } catch (NumberFormatException e) {
                throw new FieldValidationException("line", "order.shipment.line");
            }
            return service.ship(id, key, decimal("quantity", values.get("quantity"), "order.shipment.quantity"),
                    values.get("carrier"), values.get("waybillNumber"),
                    date("shipDate", values.get("shipDate"), "order.shipment.shipDate"), version(values));
        });
    }

    @PostMapping("/orders/{id}/shipments/{shipment}/waybill")
    @VersionedForm
    String waybill(@PathVariable UUID id, @PathVariable int shipment, @RequestParam Map<String, String> values,

                   RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale,
                  HttpServletResponse response) {
        return act(id, "waybill-" + shipment, values, refused, model, redirect, locale, response, "order.flash.waybill",
                () -> service.recordWaybill(id, shipment, values.get("waybillNumber"), version(values)));
    }

    @PostMapping("/orders/{id}/shipments/{shipment}/cancellation")
    @VersionedForm
    String cancelShipment(@PathVariable UUID id, @PathVariable int shipment, @RequestParam Map<String, String> values,
                          RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale,
                          HttpServletResponse response) {
        return act(id, "cancel-" + shipment, values, refused, model, redirect, locale, response,
                "order.flash.shipmentCancelled",
                () -> service.cancelShipment(id, shipment, values.get("reason"), version(values)));
    }

    @PostMapping("/orders/{id}/progress-notes")
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.RECORD_PROGRESS)
    String progress(@PathVariable UUID id, @RequestParam Map<String, String> values, RefusedInput refused, Model model,
                    RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "progress", values, refused, model, redirect, locale, response, "order.flash.progress",
                () -> service.recordProgress(id, values.get("note")));
    }

    @PostMapping("/orders/{id}/delays")
    @VersionedForm
    String delay(@PathVariable UUID id, @RequestParam Map<String, String> values, RefusedInput refused, Model model,
                 RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        boolean[] emailed = {false};
        String view = act(id, "delay", values, refused, model, redirect, locale, response, null, () -> {
            OrderService.Delayed d = service.delay(id, date("promisedDate", values.get("promisedDate"),
                    "order.promisedDate.required"), values.get("reason"), version(values));
            emailed[0] = d.customerEmailed();
            return d.order();
        });
        if (view.startsWith("redirect:")) {
            Flash.success(redirect, emailed[0] ? "order.flash.delayEmailed" : "order.flash.delayTellCustomer");
        }
        return view;
    }

    @PostMapping("/orders/{id}/delays/customer-told")
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.RECORD_PROGRESS)
    String customerTold(@PathVariable UUID id, @RequestParam Map<String, String> values, Model model,
                        RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "told", values, RefusedInput.NONE, model, redirect, locale, response, "order.flash.customerTold",
                () -> service.customerTold(id));
    }

    @PostMapping("/orders/{id}/delivery")
    @VersionedForm
    String deliver(@PathVariable UUID id, @RequestParam Map<String, String> values, RefusedInput refused, Model model,
                   RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "deliver", values, refused, model, redirect, locale, response, "order.flash.delivered",
                () -> service.deliver(id, date("deliveredOn", values.get("deliveredOn"), "order.deliveredOn.invalid"),
                        version(values)));
    }

    @PostMapping("/orders/{id}/acceptance")
    @VersionedForm
    String accept(@PathVariable UUID id, @RequestParam Map<String, String> values,
                  @RequestParam(name = "form", required = false) MultipartFile file, RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        return act(id, "accept", values, refused, model, redirect, locale, response, "order.flash.accepted", () -> {
            AcceptanceForm form = new AcceptanceForm(date("acceptedOn", values.get("acceptedOn"), "order.acceptedOn.invalid"),
                    values.get("signedBy"), values.get("quantity"), values.get("quality"), values.get("remarks"));
            boolean attached = file != null && !file.isEmpty();
            try (InputStream content = attached ? file.getInputStream() : null) {
                return service.accept(id, form, attached ? file.getOriginalFilename() : null, attached ? file.getSize() : 0,
                        content, version(values));
            } catch (IOException e) {
                throw new FieldValidationException("form", "order.acceptance.form");
            }
        });
    }

    /**
     * Sends the customer the acceptance link and goes on to the page that shows it and its QR code once (the
     * application keeps only a hash of it), by post-redirect-get: a reload of that page sends nothing again. Refused,
     * the order's page with the form as entered (422).
     */
    @PostMapping("/orders/{id}/acceptance/send")
    @PreAuthorize(OrderAccess.SELLER_ROLES)
    @HandleAuthorizationDenied(handlerClass = OrderRoleRefusal.class)
    @OrderRoleRefusal.Step(OrderAction.SEND_ACCEPTANCE)
    String sendAcceptance(@PathVariable UUID id, @RequestParam Map<String, String> values, Model model, Locale locale,
                          HttpServletResponse response, RedirectAttributes redirect) {
        try {
            String contact = values.get("contactId");
            // the document's language is the one chosen on the form, not the reader's screen language
            SentConfirmation sent = service.sendAcceptance(id, blank(contact) ? null : uuid("contactId", contact),
                    DocumentLanguage.named(values.get("documentLocale")));
            redirect.addFlashAttribute(PageActions.SENT, sent);
            return "redirect:/orders/" + id + "/acceptance/sent";
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(access.visible(id), "send", values, FormProblems.of(e, messages, locale, "contactId"), model);
        }
    }

    /**
     * The acceptance link just sent, once: it comes with the send's redirect (a flash attribute); a reload or a
     * bookmark has none and goes to the order's page. The order's scope first, as its page: outside it, 404.
     */
    @GetMapping("/orders/{id}/acceptance/sent")
    String acceptanceSent(@PathVariable UUID id, Model model) {
        Order order = access.visible(id);
        return PageActions.shownOnce(model, PageActions.SENT, "/orders/" + id, "order/acceptance-sent", () -> {
            model.addAttribute("order", order);
            model.addAttribute("refusal", null);
        });
    }

    /**
     * Does one action of the order's page: on success back to the page with the message; refused, the page
     * again with the form as entered and the messages beside its fields (422), nothing changed.
     */
    private String act(UUID id, String form, Map<String, String> values, RefusedInput refused, Model model,
                       RedirectAttributes redirect, Locale locale, HttpServletResponse response, String success,
                       Supplier<Order> work) {
        try {
            refused.check();
            work.get();
            if (success != null) {
                Flash.success(redirect, success);
            }
            return "redirect:/orders/" + id;
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(access.visible(id), form, values,
                    FormProblems.of(new DomainException("error.staleVersion"), messages, locale), model);
        } catch (com.lead2cash.platform.ForbiddenException e) {
            // who asks, not the form's input: the 403 page, as PageActions answers it
            throw e;
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(access.visible(id), form, values, FormProblems.of(e, messages, locale, fieldsOf(form)), model);
        }
    }

    /** The fields a form of the page shows; a refusal of any other goes above the forms. */
    private static String[] fieldsOf(String form) {
        return switch (form) {
            case "ship" -> new String[] {"line", "quantity", "carrier", "waybillNumber", "shipDate"};
            case "progress" -> new String[] {"note"};
            case "delay" -> new String[] {"promisedDate", "reason"};
            case "deliver" -> new String[] {"deliveredOn"};
            case "accept" -> new String[] {"acceptedOn", "signedBy", "quantity", "quality", "remarks", "form"};
            default -> form.startsWith("waybill-") ? new String[] {"waybillNumber"}
                    : form.startsWith("cancel-") ? new String[] {"reason"} : new String[] {form};
        };
    }

    private String page(Order o, String failed, Map<String, String> values, FormProblems problems, Model model) {
        Set<OrderAction> actions = service.actions(o);
        model.addAttribute("order", o);
        model.addAttribute("acceptanceResults", service.acceptanceResults(o));
        model.addAttribute("consigneePhone", access.consigneePhone(o));
        // the contract's page by its own rule: an accepted order stays with its rep when the contract changes hands
        model.addAttribute("contractLinked", contracts.mayOpen(o.contractId()));
        model.addAttribute("actions", actions);
        model.addAttribute("deliveryOpensOn", service.deliveryOpensOn(o));
        model.addAttribute("notes", service.progressNotes(o.id()));
        model.addAttribute("deadlines", service.deadlinesOf(o));
        var links = service.acceptanceLinks(o);
        model.addAttribute("links", links);
        // the confirmation an online acceptance was signed on: whether the name typed there is the recipient's
        model.addAttribute("acceptanceConfirmation", o.acceptanceConfirmationId() == null ? null
                : links.stream().filter(c -> c.id().equals(o.acceptanceConfirmationId())).findFirst().orElse(null));
        // operations sees every order but opens a confirmation only within its data scope: the rest show unlinked
        model.addAttribute("openable", confirmations.openable(links));
        model.addAttribute("contacts", actions.contains(OrderAction.SEND_ACCEPTANCE) ? customers.contactsToChooseFrom(o.customerId())
                : List.of());
        model.addAttribute("failed", failed);
        model.addAttribute("values", new HashMap<>(values));
        model.addAttribute("noValues", Map.of());
        model.addAttribute("problems", problems);
        model.addAttribute("today", service.today());
        model.addAttribute("earliestShipDate", o.earliestShipDate(service.zone()));
        // a later ship date needs a delay first (decision 0064): the form offers none after the promised date
        model.addAttribute("latestShipDate", o.shipNoLaterThan(service.today()));
        model.addAttribute("cancellable", service.cancellableShipments(o));
        return "order/detail";
    }




    /** One problem per field, the first: what could not be read comes before what the order says of it missing. */
    private static List<FieldValidationException.FieldError> firstPerField(List<FieldValidationException.FieldError> errors) {
        Map<String, FieldValidationException.FieldError> first = new java.util.LinkedHashMap<>();
        errors.forEach(e -> first.putIfAbsent(e.field(), e));
        return List.copyOf(first.values());
    }

    /** The value read, or null with its problem added to {@code unread}. */
    private static <T> T read(List<FieldValidationException.FieldError> unread, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (FieldValidationException e) {
            unread.addAll(e.errors());
            return null;
        }
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException(field, "order.line.product");
        }
    }


    @Configuration(proxyBeanMethods = false)
    static class OrderNavigation {

        @Bean
        NavigationEntry ordersNavigation() {
            return new NavigationEntry("order.nav", "/orders", 155, OrderAccess.READERS);
        }

        @Bean
        ContractPagePanel contractOrdersPanel() {
            return new ContractPagePanel("/orders/contracts/{id}/panel", 10, OrderAccess.READERS);
        }
    }
}
