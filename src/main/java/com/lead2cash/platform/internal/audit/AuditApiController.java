package com.lead2cash.platform.internal.audit;

import com.lead2cash.platform.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over the API (administrators), newest first. */
@RestController
@Tag(name = "Audit")
class AuditApiController {

    private final AuditQueries queries;
    private final AuditWords words;

    AuditApiController(AuditQueries queries, AuditWords words) {
        this.queries = queries;
        this.words = words;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "The audit trail, newest first, filtered by record, actor, action"
            + " and dates; each detail said in the caller's language (Accept-Language), as the audit screen says it")
    @GetMapping("/api/v1/audit")
    CursorPage<AuditQueries.AuditEntry> api(@RequestParam(required = false) String entityType,
                                            @RequestParam(required = false) String entityId,
                                            @RequestParam(required = false) String actor,
                                            @RequestParam(required = false) String action,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(required = false) Integer size) {
        return queries.find(new AuditQueries.AuditFilter(entityType, entityId, actor, action, from, to, cursor, size))
                .map(e -> words.said(e, LocaleContextHolder.getLocale()));
    }
}
