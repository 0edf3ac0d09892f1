package com.lead2cash.sop.internal.compliance;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/** SOP compliance over the API and as a page, inside the caller's data scope. */
class ComplianceController {

    private ComplianceController() {
    }

    static ComplianceQueries.GroupBy groupBy(String value) {
        try {
            return ComplianceQueries.GroupBy.valueOf((value == null ? "rule" : value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("groupBy", "compliance.error.groupBy", String.valueOf(value));
        }
    }

    /** A date (midnight in the company zone) or a date-time with offset. */
    static Instant instant(String field, String value, ZoneId zone) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldValidationException(field, "compliance.error.instant", value);
        }
    }

    @RestController
    @Tag(name = "Compliance", description = "SOP compliance: met on time, breached, open, on-time rate")
    static class Api {

        record Report(List<ComplianceQueries.Row> rows,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "true when the caller's data scope is "
                              + "their own records only (SELF): every row, a team's too, counts the caller's own "
                              + "deadlines, not the whole team's") boolean ownRecordsOnly) {
        }

        private final ComplianceQueries queries;
        private final Clock clock;
        private final ZoneId zone;
        private final com.lead2cash.platform.DataScope dataScope;

        Api(ComplianceQueries queries, Clock clock, @Value("${l2c.zone}") ZoneId zone,
            com.lead2cash.platform.DataScope dataScope) {
            this.dataScope = dataScope;
            this.queries = queries;
            this.clock = clock;
            this.zone = zone;
        }

        @GetMapping("/api/v1/compliance")
        @com.lead2cash.platform.web.Refuses(422)
        @Operation(summary = "Deadlines due in [from, to) counted by rule, owner or team; default period: this month")
        Report report(@io.swagger.v3.oas.annotations.Parameter(description = "a date (midnight in the company zone) or a date-time with offset; default: the first day of this month")
                      @RequestParam(required = false) String from,
                      @io.swagger.v3.oas.annotations.Parameter(description = "exclusive, like from; default: the first day of next month")
                      @RequestParam(required = false) String to,
                      @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"rule", "owner", "team"}), description = "default: rule") @RequestParam(required = false) String groupBy) {
            YearMonth month = YearMonth.now(clock.withZone(zone));
            Instant f = from == null ? month.atDay(1).atStartOfDay(zone).toInstant() : instant("from", from, zone);
            Instant t = to == null ? month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant() : instant("to", to, zone);
            if (!f.isBefore(t)) {
                // the end is exclusive: from=to asks for nothing, and the refusal says how to ask for the one day
                throw new com.lead2cash.platform.FieldValidationException("to", "compliance.error.periodExclusive");
            }
            return new Report(queries.report(f, t, groupBy(groupBy), LocaleContextHolder.getLocale()),
                    dataScope.current().kind() == com.lead2cash.platform.ScopeKind.SELF);
        }
    }

    @Controller
    static class Page {

        private final ComplianceQueries queries;
        private final ComplianceExport export;
        private final Clock clock;
        private final ZoneId zone;
        private final com.lead2cash.platform.DataScope dataScope;

        Page(ComplianceQueries queries, ComplianceExport export, Clock clock, @Value("${l2c.zone}") ZoneId zone,
             com.lead2cash.platform.DataScope dataScope) {
            this.dataScope = dataScope;
            this.queries = queries;
            this.export = export;
            this.clock = clock;
            this.zone = zone;
        }

        /** The days a page's period shows, both included. */
        private record Days(LocalDate first, LocalDate last) {
        }

        @GetMapping("/compliance")
        String page(@RequestParam(defaultValue = "this") String period, @RequestParam(required = false) String groupBy,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    Model model) {
            Days days = days(period, from, to);
            ComplianceQueries.GroupBy g = groupBy(groupBy);
            model.addAttribute("period", period);
            model.addAttribute("groupBy", g.name().toLowerCase(Locale.ROOT));
            model.addAttribute("from", days.first());
            model.addAttribute("to", days.last());
            // whose deadlines the figures count: a team row of a rep's page counts the rep's own only
            model.addAttribute("scopeKind", dataScope.current().kind());
            try {
                model.addAttribute("rows", report(days, g));
            } catch (FieldValidationException e) {
                model.addAttribute("rows", List.of());
                model.addAttribute("periodError", e.errors().get(0).messageKey());
            }
            return "sop/compliance";
        }

        /**
         * The table the page shows for the same period and grouping, as an Excel file; a period ending before it
         * starts is refused (the refusal's page), no file.
         */
        @GetMapping("/compliance/export.xlsx")
        void export(@RequestParam(defaultValue = "this") String period, @RequestParam(required = false) String groupBy,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            Days days = days(period, from, to);
            ComplianceQueries.GroupBy g = groupBy(groupBy);
            List<ComplianceQueries.Row> rows = report(days, g);
            com.lead2cash.platform.web.Download.xlsx(response, "compliance-" + days.first() + "-" + days.last() + ".xlsx",
                    out -> export.write(rows, days.first(), days.last(), g, locale, out));
        }

        private Days days(String period, LocalDate from, LocalDate to) {
            YearMonth month = YearMonth.now(clock.withZone(zone));
            return switch (period) {
                case "last" -> new Days(month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth());
                case "custom" -> new Days(from != null ? from : month.atDay(1), to != null ? to : month.atEndOfMonth());
                default -> new Days(month.atDay(1), month.atEndOfMonth());
            };
        }

        private List<ComplianceQueries.Row> report(Days days, ComplianceQueries.GroupBy groupBy) {
            // the page's "to" is the last day shown, inclusive
            return queries.report(days.first().atStartOfDay(zone).toInstant(),
                    days.last().plusDays(1).atStartOfDay(zone).toInstant(), groupBy, LocaleContextHolder.getLocale());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry complianceNavigation() {
            return new NavigationEntry("nav.compliance", "/compliance", 810, Set.of());
        }
    }
}
