package com.lead2cash.opportunity.internal.board;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.LostReasons;
import com.lead2cash.opportunity.internal.OpportunityAccess;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.SpreadsheetColumns;
import com.lead2cash.platform.SpreadsheetExport;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The forecast (销售预测) and win/loss (赢单/输单分析) as Excel files, holding what their screens show for the same
 * filters in the reader's scope — the figures are the screens' own ({@link ForecastQueries}, {@link WinLossQueries}),
 * handed over by the controller that read them for the filters — written by the one table writer every report uses
 * ({@link SpreadsheetExport#rows}): headers in the reader's language, amounts and counts as numbers, rates as
 * percentages, months as dates; each export audited.
 */
@Component
public class BoardExports {

    private final LostReasons lostReasons;
    private final MessageSource messages;
    private final AuditTrail audit;

    BoardExports(LostReasons lostReasons, MessageSource messages, AuditTrail audit) {
        this.lostReasons = lostReasons;
        this.messages = messages;
        this.audit = audit;
    }

    /** A line of the forecast as its screen lays it out: whose figures, the month (or overdue) and its cell. */
    private record ForecastLine(String of, Object month, ForecastQueries.ForecastCell cell, boolean overdue) {
    }

    /**
     * The forecast's lines as the screen shows them: the total (labelled {@code totalLabel}, its overdue line when it
     * has one, then each month), then each row's months; answers how many lines it wrote.
     */
    public int forecast(ForecastQueries.Forecast forecast, String totalLabel, YearMonth from, int months,
                        ForecastQueries.GroupBy groupBy, String teamName, Locale locale, OutputStream out) throws IOException {
        SpreadsheetColumns<ForecastLine> columns = SpreadsheetColumns.of(ForecastLine.class)
                .text("opportunity.forecast.row", ForecastLine::of)
                .month("opportunity.forecast.month", ForecastLine::month)
                .money("opportunity.forecast.PIPELINE", l -> l.cell().pipeline())
                .money("opportunity.forecast.BEST_CASE", l -> l.cell().bestCase())
                .money("opportunity.forecast.COMMIT", l -> l.cell().commit())
                .money("opportunity.forecast.weighted", l -> l.cell().weighted())
                // nothing is won overdue: the screen's dash, an empty cell
                .money("opportunity.forecast.won", l -> l.overdue() ? null : l.cell().won());
        List<ForecastLine> lines = new ArrayList<>();
        ForecastQueries.ForecastRow company = forecast.company();
        String total = text(totalLabel, locale);
        if (company.overdue().openCount() > 0) {
            lines.add(new ForecastLine(total, text("opportunity.forecast.overdue", locale), company.overdue(), true));
        }
        forecast.months().forEach(m -> lines.add(new ForecastLine(total, m, company.month(m), false)));
        for (ForecastQueries.ForecastRow row : forecast.rows()) {
            String of = row.level() != ForecastQueries.GroupBy.TEAM ? row.label()
                    : row.label() != null ? text("opportunity.teamOf", locale, row.label())
                    : text("opportunity.teamUnnamed", locale);
            forecast.months().forEach(m -> lines.add(new ForecastLine(of, m, row.month(m), false)));
        }
        int written;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "opportunity.forecast.title", columns)) {
            written = export.rows(columns, lines);
        }
        // the filter, its choices as keys, so the audit screen says it in its reader's language; a team by its org
        // unit's name as it was when exported (a detail's arguments are no fields the audit screen names ids of)
        audit.record("EXPORT", OpportunityAccess.SUBJECT, null, "opportunity.audit.forecastExported", written, from,
                months, "opportunity.forecast.by." + groupBy.name(),
                teamName == null ? "opportunity.filter.anyTeam" : teamName);
        return written;
    }

    /**
     * Win/loss of the opportunities closed from {@code first} to {@code last} as the screen shows it, a sheet per
     * table: by owner (the total first: the screen's figures at the top), against competitors, lost by reason, the
     * average days in each stage. Answers how many owners' lines it wrote.
     */
    public int winLoss(WinLossQueries.WinLossAnalysis analysis, LocalDate first, LocalDate last, Locale locale,
                       OutputStream out) throws IOException {
        Map<String, String> reasons = lostReasons.labels(locale);
        SpreadsheetColumns<WinLossQueries.WinLossGroup> byOwner = tallies("opportunity.field.owner",
                "opportunity.winLoss.won", "opportunity.winLoss.lost");
        SpreadsheetColumns<WinLossQueries.WinLossGroup> byCompetitor = tallies("opportunity.winLoss.competitor",
                "opportunity.winLoss.wonAgainst", "opportunity.winLoss.lostTo");
        SpreadsheetColumns<WinLossQueries.LostReasonCount> byReason = SpreadsheetColumns.of(WinLossQueries.LostReasonCount.class)
                .text("opportunity.field.lostReason", r -> reasons.getOrDefault(r.reason(), r.reason()))
                .count("opportunity.winLoss.count", WinLossQueries.LostReasonCount::count)
                .money("opportunity.field.amount", WinLossQueries.LostReasonCount::amount);
        SpreadsheetColumns<Stage> daysInStage = SpreadsheetColumns.of(Stage.class)
                .text("opportunity.field.stage", s -> text("opportunity.stage." + s.name(), locale))
                .number("opportunity.winLoss.days", 1, analysis.averageDaysInStage()::get);
        List<WinLossQueries.WinLossGroup> owners = new ArrayList<>();
        owners.add(new WinLossQueries.WinLossGroup(null, text("opportunity.winLoss.total", locale), analysis.total()));
        owners.addAll(analysis.owners());
        int written;
        try (SpreadsheetExport export = SpreadsheetExport.open(out, messages, locale, "opportunity.winLoss.byOwner", byOwner)) {
            written = export.rows(byOwner, owners) - 1;
            export.nextSheet("opportunity.winLoss.byCompetitor", byCompetitor);
            export.rows(byCompetitor, analysis.competitors());
            export.nextSheet("opportunity.winLoss.byReason", byReason);
            export.rows(byReason, analysis.reasons());
            export.nextSheet("opportunity.winLoss.daysInStage", daysInStage);
            export.rows(daysInStage, Arrays.stream(Stage.values()).filter(analysis.averageDaysInStage()::containsKey).toList());
        }
        audit.record("EXPORT", OpportunityAccess.SUBJECT, null, "opportunity.audit.winLossExported", first, last,
                analysis.total().won(), analysis.total().lost());
        return written;
    }

    /** A tally's columns after its label: won and lost, each with its amount, and the two win rates. */
    private static SpreadsheetColumns<WinLossQueries.WinLossGroup> tallies(String labelKey, String wonKey, String lostKey) {
        return SpreadsheetColumns.of(WinLossQueries.WinLossGroup.class)
                .text(labelKey, WinLossQueries.WinLossGroup::label)
                .count(wonKey, g -> g.tally().won())
                .money("opportunity.winLoss.wonAmount", g -> g.tally().wonAmount())
                .count(lostKey, g -> g.tally().lost())
                .money("opportunity.winLoss.lostAmount", g -> g.tally().lostAmount())
                .percent("opportunity.winLoss.winRate", 1, g -> fraction(g.tally().winRate()))
                .percent("opportunity.winLoss.amountWinRate", 1, g -> fraction(g.tally().amountWinRate()));
    }

    /** A rate in percent (60.0) as the fraction a percentage cell holds (0.600); none stays none. */
    private static BigDecimal fraction(BigDecimal percent) {
        return percent == null ? null : percent.movePointLeft(2);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }
}
