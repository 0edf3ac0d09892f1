package com.lead2cash.opportunity.internal.web;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.LostReasons;
import com.lead2cash.opportunity.internal.OpportunityAccess;
import com.lead2cash.opportunity.internal.OpportunityService;
import com.lead2cash.opportunity.internal.board.BoardExports;
import com.lead2cash.opportunity.internal.board.ForecastQueries;
import com.lead2cash.opportunity.internal.board.PipelineQueries;
import com.lead2cash.opportunity.internal.board.TeamScope;
import com.lead2cash.opportunity.internal.board.WinLossQueries;
import com.lead2cash.opportunity.internal.domain.OpportunityActor;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import com.lead2cash.platform.ForbiddenException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pipeline screens: the board (cards dragged between stages; the server applies the same gates as
 * the API and the board shows a refusal on the card itself; on a phone a list per stage with a move
 * menu), the list of a stage, the forecast, win/loss, the evaluations asked of a tech-support colleague
 * and the managed list of lost reasons.
 */
@Controller
@PreAuthorize(OpportunityAccess.READER_ROLES)
class BoardController {

    static final int CARDS_PER_COLUMN = 15;

    /** A refusal shown on the card that was moved; {@code needsReason} asks for the lost reason in place. */
    record Refusal(UUID opportunityId, String message, boolean needsReason, Stage target) {
    }

    private final OpportunityService service;
    private final OpportunityAccess access;
    private final PipelineQueries pipeline;
    private final ForecastQueries forecasts;
    private final WinLossQueries winLoss;
    private final TeamScope teams;
    private final LostReasons lostReasons;
    private final BoardExports exports;
    private final com.lead2cash.catalog.Catalog catalog;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    BoardController(OpportunityService service, OpportunityAccess access, PipelineQueries pipeline,
                    ForecastQueries forecasts, WinLossQueries winLoss, TeamScope teams, LostReasons lostReasons,
                    BoardExports exports, com.lead2cash.catalog.Catalog catalog, MessageSource messages, Clock clock,
                    @Value("${l2c.zone}") ZoneId zone) {
        this.catalog = catalog;
        this.service = service;
        this.access = access;
        this.pipeline = pipeline;
        this.forecasts = forecasts;
        this.winLoss = winLoss;
        this.teams = teams;
        this.lostReasons = lostReasons;
        this.exports = exports;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/opportunities")
    String board(@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID teamId,
                 @RequestParam(required = false) String productLine,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth closeMonth,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        PipelineQueries.Filter filter = new PipelineQueries.Filter(ownerId, teamId, productLine, closeMonth);
        boardModel(model, filter, null, locale);
        filterChoices(model);
        // opening one is for those who work opportunities; finance, assistants and admins read the board
        CurrentUser me = CurrentUser.require();
        model.addAttribute("opens", new OpportunityActor(me.id(), me.roles(), true, false).sells());
        return htmx != null ? "opportunity/board :: board" : "opportunity/board";
    }

    /**
     * A card dropped on another column (or moved with the phone's menu): the same move as the API's, with
     * its gates. The board comes back either way — moved, or with the card where it was and the refusal
     * on it (for a lost opportunity without reason, the reason's form).
     */
    @PostMapping("/opportunities/{id}/move")
    String move(@PathVariable UUID id, @RequestParam(required = false) Stage stage,
                @RequestParam(required = false) Long version, @RequestParam(required = false) String lostReason,
                @RequestParam(required = false) String lostNote, @RequestParam(required = false) String lostTo,
                @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID teamId,
                @RequestParam(required = false) String productLine,
                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth closeMonth,
                Model model, Locale locale) {
        PipelineQueries.Filter filter = new PipelineQueries.Filter(ownerId, teamId, productLine, closeMonth);
        // the board that comes back is of a team of the reader's choices: one outside them is 404 before anything moves
        pipeline.requireTeam(filter, access.scope());
        Refusal refusal = null;
        try {
            service.move(id, stage, lostReason, lostNote, lostTo, version);
        } catch (RecordNotFoundException e) {
            throw e; // not found or out of scope: the 404 page's words above the board, as a GET of it answers
        } catch (OptimisticLockingFailureException e) {
            refusal = new Refusal(id, message("error.staleVersion", null, locale), false, stage);
        } catch (ForbiddenException e) {
            refusal = new Refusal(id, message("opportunity.board.notYours", null, locale), false, stage);
        } catch (FieldValidationException e) {
            boolean reason = e.errors().stream().anyMatch(f -> "lostReason".equals(f.field()));
            var first = e.errors().get(0);
            refusal = new Refusal(id, message(first.messageKey(), first.args().toArray(), locale), reason, stage);
        } catch (DomainException e) {
            refusal = new Refusal(id, message(e.messageKey(), e.args(), locale), false, stage);
        }
        boardModel(model, filter, refusal, locale);
        return "opportunity/board :: board";
    }

    @GetMapping("/opportunities/list")
    String list(@RequestParam(required = false) Stage stage, @RequestParam(required = false) UUID ownerId,
                @RequestParam(required = false) UUID teamId, @RequestParam(required = false) String productLine,
                @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth closeMonth,
                @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        PipelineQueries.Filter filter = new PipelineQueries.Filter(ownerId, teamId, productLine, closeMonth);
        CursorPage<PipelineQueries.OpportunityCard> page = pipeline.list(filter, stage, access.sight(), today(), cursor, 50);
        model.addAttribute("page", page);
        model.addAttribute("stage", stage);
        model.addAttribute("filter", filter);
        filterChoices(model);
        // a departed seller's opportunities (0095's link) keep their owner chosen in the owner filter
        model.addAttribute("inactiveOwner", teams.inactiveOwner(ownerId, access.scope()).orElse(null));
        return htmx != null && cursor != null ? "opportunity/list :: rows" : "opportunity/list";
    }

    @GetMapping("/opportunities/forecast")
    String forecast(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                    @RequestParam(required = false) Integer months,
                    @RequestParam(required = false) ForecastQueries.GroupBy groupBy,
                    @RequestParam(required = false) UUID teamId, Model model) {
        ForecastView view = forecastView(from, months, groupBy, teamId);
        model.addAttribute("forecast", view.forecast());
        model.addAttribute("totalLabel", view.totalLabel());
        model.addAttribute("from", view.from());
        model.addAttribute("months", view.months());
        model.addAttribute("groupBy", view.groupBy());
        model.addAttribute("teamId", teamId);
        model.addAttribute("teams", teams.teams(access.scope()));
        return "opportunity/forecast";
    }

    /** The forecast as its screen shows it for the same filters, as an Excel file. */
    @GetMapping("/opportunities/forecast/export.xlsx")
    void exportForecast(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
                        @RequestParam(required = false) Integer months,
                        @RequestParam(required = false) ForecastQueries.GroupBy groupBy,
                        @RequestParam(required = false) UUID teamId, Locale locale,
                        jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        ForecastView view = forecastView(from, months, groupBy, teamId);
        com.lead2cash.platform.web.Download.xlsx(response, "forecast-" + view.from() + ".xlsx",
                out -> exports.forecast(view.forecast(), view.totalLabel(), view.from(), view.months(), view.groupBy(),
                        view.teamName(), locale, out));
    }

    /** The forecast a screen's filters ask for, read once for the screen and its export alike. */
    private record ForecastView(ForecastQueries.Forecast forecast, String totalLabel, YearMonth from, int months,
                                ForecastQueries.GroupBy groupBy, String teamName) {
    }

    private ForecastView forecastView(YearMonth from, Integer months, ForecastQueries.GroupBy groupBy, UUID teamId) {
        YearMonth start = from != null ? from : YearMonth.from(today());
        int n = ForecastQueries.months(months, ForecastQueries.MAX_MONTHS_SCREEN);
        ForecastQueries.GroupBy level = groupBy == null ? ForecastQueries.GroupBy.TEAM : groupBy;
        // a team of the filter's choices only (ForecastQueries refuses another, 404); the export's audit names it
        String teamName = teamId == null ? null : teams.teamName(teamId);
        if (access.scope().kind() == com.lead2cash.platform.ScopeKind.SELF && level == ForecastQueries.GroupBy.TEAM) {
            // a rep's figures are their own: a row named after their team would read as the team's
            level = ForecastQueries.GroupBy.REP;
        }
        // the total row says whose figures it adds up: the company's only for a reader who sees the company
        return new ForecastView(forecasts.forecast(start, n, level, teamId, access.scope(), service.rules()),
                teamId != null ? "opportunity.forecast.total.team" : "opportunity.forecast.total." + access.scope().kind(),
                start, n, level, teamName);
    }

    @GetMapping("/opportunities/win-loss")
    String winLoss(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model, Locale locale) {
        LocalDate first = firstDay(from);
        LocalDate last = lastDay(first, to);
        model.addAttribute("analysis", analyse(first, last));
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("lostLabels", lostReasons.labels(locale));
        model.addAttribute("stages", Stage.values());
        return "opportunity/win-loss";
    }

    /** Win/loss as its screen shows it for the same period, as an Excel file. */
    @GetMapping("/opportunities/win-loss/export.xlsx")
    void exportWinLoss(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        LocalDate first = firstDay(from);
        LocalDate last = lastDay(first, to);
        com.lead2cash.platform.web.Download.xlsx(response, "win-loss-" + first + "-" + last + ".xlsx",
                out -> exports.winLoss(analyse(first, last), first, last, locale, out));
    }

    /** The screen's period: from the first day of the year unless chosen, to today unless chosen. */
    private LocalDate firstDay(LocalDate from) {
        return from != null ? from : today().withDayOfYear(1);
    }

    /** A period ending before it starts (a chosen or defaulted end) is refused, as the API refuses it, never replaced. */
    private LocalDate lastDay(LocalDate first, LocalDate to) {
        LocalDate last = to != null ? to : today();
        if (last.isBefore(first)) {
            throw new com.lead2cash.platform.FieldValidationException("to", "opportunity.period.invalid");
        }
        return last;
    }

    private WinLossQueries.WinLossAnalysis analyse(LocalDate first, LocalDate last) {
        return winLoss.analyse(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                access.scope());
    }

    /** The managed list of lost reasons: a picklist, the administrators' as every /admin page is (its menu entry too). */
    @GetMapping("/admin/opportunity-lost-reasons")
    @PreAuthorize("hasRole('ADMIN')")
    String lostReasons(Model model) {
        model.addAttribute("reasons", lostReasons.all());
        return "opportunity/lost-reasons";
    }

    @PostMapping("/admin/opportunity-lost-reasons")
    @PreAuthorize("hasRole('ADMIN')")
    String saveLostReason(@RequestParam(required = false) String code, @RequestParam(required = false) String labelZh,
                          @RequestParam(required = false) String labelEn, @RequestParam(defaultValue = "false") boolean active,
                          @RequestParam(defaultValue = "100") int position,
                          @RequestParam(required = false) Long version,
                          RefusedInput refused, RedirectAttributes redirect) {
        try {
            refused.check();
            // a reason's row carries the version it was read at (a stale one is refused) and changes that reason; the
            // new reason's form has none and adds one, refused when its code is a reason's already (never overwrites)
            LostReasons.LostReason saved = lostReasons.save(code, labelZh, labelEn, active, position, version);
            Flash.success(redirect, "opportunity.lostReason.saved", saved.code());
        } catch (DomainException e) {
            Flash.error(redirect, e);
            // the reason's row (a version sent, which Flash.typed keeps), or the new reason's form (none), shows what
            // was typed again, the fields refused marked
            Flash.typed(redirect, "lostReasonTyped", "code", code, "labelZh", labelZh, "labelEn", labelEn,
                    "active", active, "position", position,
                    "refused", e instanceof FieldValidationException fields
                            ? fields.errors().stream().map(FieldValidationException.FieldError::field).distinct().toList()
                            : null);
        }
        return "redirect:/admin/opportunity-lost-reasons";
    }

    private void boardModel(Model model, PipelineQueries.Filter filter, Refusal refusal, Locale locale) {
        PipelineQueries.PipelineBoard board = pipeline.board(filter, access.scope(), service.rules(), today(),
                CARDS_PER_COLUMN);
        model.addAttribute("board", board);
        // the phone's move menu offers the stages each opportunity answers it may go to (won only when signed)
        model.addAttribute("moves", service.stagesOffered(board.columns().stream().filter(c -> c.stage().isOpen())
                .flatMap(c -> c.cards().stream()).map(PipelineQueries.OpportunityCard::id).toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("refusal", refusal);
        model.addAttribute("lostReasons", lostReasons.active());
    }

    private void filterChoices(Model model) {
        model.addAttribute("sellers", teams.sellers(access.scope()));
        model.addAttribute("teams", teams.teams(access.scope()));
        model.addAttribute("productLines", productLines());
    }

    private List<String> productLines() {
        return catalog.productLines();
    }

    private String message(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationEntry opportunitiesNavigation() {
            return new NavigationEntry("opportunity.nav.pipeline", "/opportunities", 120, Set.of(Role.SALES_DIRECTOR,
                    Role.REGIONAL_MANAGER, Role.SALES_MANAGER, Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT,
                    Role.FINANCE, Role.ADMIN));
        }

        @Bean
        NavigationEntry forecastNavigation() {
            return new NavigationEntry("opportunity.nav.forecast", "/opportunities/forecast", 125, Set.of(
                    Role.SALES_DIRECTOR, Role.REGIONAL_MANAGER, Role.SALES_MANAGER, Role.SALES_REP, Role.ACCOUNT_MANAGER,
                    Role.FINANCE, Role.ADMIN));
        }

        @Bean
        NavigationEntry lostReasonsNavigation() {
            return new NavigationEntry("opportunity.nav.lostReasons", "/admin/opportunity-lost-reasons", 930,
                    Set.of(Role.ADMIN));
        }
    }
}
