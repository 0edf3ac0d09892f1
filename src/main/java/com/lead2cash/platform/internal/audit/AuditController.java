package com.lead2cash.platform.internal.audit;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators: read-only, filterable; there is no way to edit or delete it. */
@Controller
class AuditController {

    private final AuditQueries queries;
    private final AuditWords words;

    AuditController(AuditQueries queries, AuditWords words) {
        this.queries = queries;
        this.words = words;
    }

    @GetMapping("/admin/audit")
    String screen(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                  @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String cursor,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        AuditQueries.AuditFilter filter = new AuditQueries.AuditFilter(entityType, entityId, actor, action, from, to,
                cursor, 50);
        model.addAttribute("filter", filter);
        model.addAttribute("page", words.page(queries.find(filter), locale));
        model.addAttribute("entityTypes", queries.entityTypes());
        return htmx != null && cursor != null ? "admin/audit :: rows" : "admin/audit";
    }
}
