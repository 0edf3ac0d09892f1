package com.lead2cash.order.internal.web;

import com.lead2cash.order.internal.OrderAccess;
import com.lead2cash.order.internal.OrderQueries;
import com.lead2cash.order.internal.OrderService;
import com.lead2cash.order.internal.domain.Order;
import com.lead2cash.order.internal.domain.OrderAction;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.web.Flash;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order screens (订单): the list in the reader's scope and an order's page — lines and what has
 * shipped, shipments with their waybills, the promised dates (D3), progress notes (D1), acceptance — with
 * the rep's weekly progress note and delay forms.
 */
@Controller
@PreAuthorize(OrderAccess.READER_ROLES)
class OrderController {

    private final OrderQueries queries;
    private final OrderService service;
    private final OrderAccess access;

    OrderController(OrderQueries queries, OrderService service, OrderAccess access) {
        this.queries = queries;
        this.service = service;
        this.access = access;
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", queries.list(null, null, cursor, 50));
        return "order/list";
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Order o = access.visible(id);
        Set<OrderAction> actions = service.actions(o);
        model.addAttribute("order", o);
        model.addAttribute("notes", service.progressNotes(o.id()));
        model.addAttribute("canProgress", actions.contains(OrderAction.RECORD_PROGRESS));
        model.addAttribute("canDelay", actions.contains(OrderAction.DELAY));
        return "order/detail";
    }

    @PostMapping("/orders/{id}/progress-notes")
    String progress(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            service.recordProgress(id, note);
            Flash.success(redirect, "order.flash.progress");
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/delays")
    String delay(@PathVariable UUID id, @RequestParam(required = false) String promisedDate,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) Long version,
                 RedirectAttributes redirect) {
        try {
            LocalDate date;
            try {
                date = promisedDate == null || promisedDate.isBlank() ? null : LocalDate.parse(promisedDate.strip());
            } catch (DateTimeParseException e) {
                throw new FieldValidationException("promisedDate", "order.promisedDate.required");
            }
            OrderService.Delayed d = service.delay(id, date, reason, version);
            Flash.success(redirect, d.customerEmailed() ? "order.flash.delayEmailed" : "order.flash.delayTellCustomer");
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
        return "redirect:/orders/" + id;
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderNavigation {

        @Bean
        NavigationEntry ordersNavigation() {
            return new NavigationEntry("order.nav", "/orders", 155, OrderAccess.READERS);
        }
    }
}
