package com.lead2cash.sop.internal.compliance;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.SpreadsheetColumns;
import com.lead2cash.platform.SpreadsheetExport;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * SOP compliance (SOP 执行率) as an Excel file: the rows its screen shows for the same period and grouping, in the
 * reader's scope (the rows are the screen's own, {@link ComplianceQueries#report}), written by the one table writer
 * every report uses ({@link SpreadsheetExport#rows}): headers in the reader's language, counts as numbers, the on-time
 * rate as a percentage; the export audited.
 */
@Component
class ComplianceExport {

    private final MessageSource messages;
    private final AuditTrail audit;

    ComplianceExport(MessageSource messages, AuditTrail audit) {
        this.messages = messages;
        this.audit = audit;
    }

    /** Writes the rows of the deadlines due from {@code from} to {@code to} (both shown, inclusive); answers how many. */
    int write(List<ComplianceQueries.Row> rows, LocalDate from, LocalDate to, ComplianceQueries.GroupBy groupBy,
              Locale locale, OutputStream out) throws IOException {
        String by = groupBy.name().toLowerCase(Locale.ROOT);
        SpreadsheetColumns<ComplianceQueries.Row> columns = SpreadsheetColumns.of(ComplianceQueries.Row.class)
                .text("compliance.column." + by, ComplianceQueries.Row::label)
                .count("compliance.met", ComplianceQueries.Row::met)
                .count("compliance.breached", ComplianceQueries.Row::breached)
                .count("compliance.open", ComplianceQueries.Row::open)
                // a fraction already (met / decided), shown to one place as the screen does; none decided: empty
                .percent("compliance.rate", 1, ComplianceQueries.Row::onTimeRate);
        int written;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "compliance.title", columns)) {
            written = export.rows(columns, rows);
        }
        // the grouping as a key, so the audit screen says it in its reader's language
        audit.record("EXPORT", "Deadline", null, "compliance.audit.exported", written, from, to,
                "compliance.groupBy." + by);
        return written;
    }
}
