package com.lead2cash.opportunity.internal.web;

import com.lead2cash.platform.OwnDateRange;
import com.lead2cash.platform.web.VersionRequest;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.LostReasons;
import com.lead2cash.opportunity.internal.OpportunityAccess;
import com.lead2cash.opportunity.internal.OpportunityService;
import com.lead2cash.opportunity.internal.OpportunityViews;
import com.lead2cash.opportunity.internal.StageHistory;
import com.lead2cash.opportunity.internal.board.ForecastQueries;
import com.lead2cash.opportunity.internal.board.PipelineQueries;
import com.lead2cash.opportunity.internal.board.WinLossQueries;
import com.lead2cash.opportunity.internal.domain.EvaluationInvitation;
import com.lead2cash.opportunity.internal.domain.ForecastCategory;
import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.domain.OpportunityDetails;
import com.lead2cash.opportunity.internal.domain.PanelSeat;
import com.lead2cash.opportunity.internal.domain.Scorecard;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import com.lead2cash.platform.Versioned;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Opportunities over the API (SPEC §6): list, open, correct, stages with their gates, evaluation panel, board, forecast, win/loss. */
@RestController
@Tag(name = "Opportunities")
@PreAuthorize(OpportunityAccess.READER_ROLES)
class OpportunityApiController {

    /** SPEC §6: {customerId*, name*, amount*, expectedCloseDate, productLines[]}, plus competitors, next step and owner. */
    record OpportunityRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
                              @OwnDateRange LocalDate expectedCloseDate, List<String> productLines,
                              List<String> competitors, String nextStep, UUID ownerId) {
        OpportunityDetails details() {
            return OpportunityDetails.validated(name, amount, expectedCloseDate, productLines, competitors, nextStep);
        }
    }

    /**
     * A correction of the opportunity's data, with the version it was read at (docs/decisions/0030): a field left out
     * keeps its value, a field sent as null clears it. The API's converter reads a left-out {@code Optional} as null
     * and a JSON null as {@code Optional.empty()}.
     */
    @Schema(description = "A field left out keeps its value; a field sent as null is cleared (name and amount cannot be)."
            + " Once the customer accepted a quote of the opportunity its amount is the quote's total: another amount is refused (422)")
    record OpportunityUpdate(Optional<String> name, Optional<BigDecimal> amount,
                             @OwnDateRange Optional<LocalDate> expectedCloseDate,
                             Optional<List<String>> productLines, Optional<List<String>> competitors,
                             Optional<String> nextStep, Long version) implements Versioned {

        /** The details as they are, with the fields this request sends. */
        OpportunityDetails applyTo(OpportunityDetails now) {
            return OpportunityDetails.validated(sent(name, now.name()), sent(amount, now.amount()),
                    sent(expectedCloseDate, now.expectedCloseDate()), sent(productLines, now.productLines()),
                    sent(competitors, now.competitors()), sent(nextStep, now.nextStep()));
        }

        private static <T> T sent(Optional<T> field, T now) {
            return field == null ? now : field.orElse(null);
        }
    }

    /** SPEC §6: {stage, version, lostReason}, plus a note and the competitor it was lost to; without a version 428. */
    record StageRequest(Stage stage, Long version, String lostReason, String lostNote, String lostTo) implements Versioned {
    }

    record EvaluationRequest(Integer needMatch, Integer competitiveStrength, Integer paymentRisk,
                             Integer resourceInvestment, String comment) {
    }

    /** SPEC §6: 201 {score, qualified}, and what the panel still needs. */
    record EvaluationResult(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal score, boolean qualified, boolean complete, int passScore,
                            Set<PanelSeat> missingSeats, PanelSeat seat, Stage stage, long version) {
    }

    record InvitationRequest(UUID inviteeId) {
    }

    record ForecastCategoryRequest(ForecastCategory forecastCategory, Long version) {
    }

    record OwnerRequest(UUID ownerId, Long version) {
    }

    record EvaluationPanel(OpportunityViews.EvaluationSummary summary, List<OpportunityViews.EvaluationView> evaluations,
                 List<OpportunityViews.InvitationView> invitations) {
    }

    private final OpportunityService service;
    private final OpportunityAccess access;
    private final OpportunityViews views;
    private final StageHistory history;
    private final PipelineQueries pipeline;
    private final ForecastQueries forecasts;
    private final WinLossQueries winLoss;
    private final LostReasons lostReasons;
    private final Clock clock;
    private final ZoneId zone;

    OpportunityApiController(OpportunityService service, OpportunityAccess access, OpportunityViews views,
                             StageHistory history, PipelineQueries pipeline, ForecastQueries forecasts,
                             WinLossQueries winLoss, LostReasons lostReasons, Clock clock,
                             @Value("${l2c.zone}") ZoneId zone) {
        this.service = service;
        this.access = access;
        this.views = views;
        this.history = history;
        this.pipeline = pipeline;
        this.forecasts = forecasts;
        this.winLoss = winLoss;
        this.lostReasons = lostReasons;
        this.clock = clock;
        this.zone = zone;
    }

    @com.lead2cash.platform.web.Refuses(404) // a team outside the filter's choices, as the board's
    @Operation(summary = "Opportunities in your scope, and those you are invited to evaluate, by close date; without stage the open ones")
    @GetMapping("/api/v1/opportunities")
    CursorPage<PipelineQueries.OpportunityCard> list(@RequestParam(required = false) Stage stage,
                                          @RequestParam(required = false) UUID ownerId,
                                          @RequestParam(required = false) UUID teamId,
                                          @RequestParam(required = false) String productLine,
                                          @RequestParam(required = false) YearMonth closeMonth,
                                          @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Integer size) {
        return pipeline.list(new PipelineQueries.Filter(ownerId, teamId, productLine, closeMonth), stage,
                access.sight(), today(), cursor, size);
    }

    @Operation(summary = "Open an opportunity on a customer (DISCOVERY); the customer becomes an opportunity customer")
    @PostMapping("/api/v1/opportunities")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OpportunityAccess.SELLER_ROLES)
    ResponseEntity<OpportunityViews.OpportunityView> create(@RequestBody OpportunityRequest body) {
        Opportunity o = service.create(body.customerId(), body.details(), body.ownerId());
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + o.id())).body(views.of(o));
    }

    @Operation(summary = "One opportunity: its data, probability, the panel's verdict and what you may do next")
    @GetMapping("/api/v1/opportunities/{id}")
    OpportunityViews.OpportunityView get(@PathVariable UUID id) {
        return views.of(access.visible(id));
    }

    @Operation(summary = "Correct the opportunity: a field left out keeps its value, null clears it (409 on a stale version, 428 without one)")
    @PutMapping("/api/v1/opportunities/{id}")
    OpportunityViews.OpportunityView edit(@PathVariable UUID id, @RequestBody OpportunityUpdate body) {
        return views.of(service.edit(id, body::applyTo, body.version()));
    }

    @Operation(summary = "Move to a stage: 422 when a gate refuses (evaluation O1, lost reason, won after contract), 409 on a stale version, 428 without one")
    @PostMapping("/api/v1/opportunities/{id}/stage")
    OpportunityViews.OpportunityView stage(@PathVariable UUID id, @RequestBody StageRequest body) {
        if (body.stage() == null) {
            throw new FieldValidationException("stage", "opportunity.stage.required");
        }
        return views.of(service.move(id, body.stage(), body.lostReason(), body.lostNote(), body.lostTo(), body.version()));
    }

    @Operation(summary = "Work a lost opportunity again, in the stage it was lost from")
    @PostMapping("/api/v1/opportunities/{id}/reopen")
    OpportunityViews.OpportunityView reopen(@PathVariable UUID id, @RequestBody(required = false) VersionRequest body) {
        return views.of(service.reopen(id, body == null ? null : body.version()));
    }

    @Operation(summary = "The owner's forecast category; null follows the stage again")
    @PostMapping("/api/v1/opportunities/{id}/forecast-category")
    OpportunityViews.OpportunityView forecastCategory(@PathVariable UUID id, @RequestBody ForecastCategoryRequest body) {
        return views.of(service.setForecastCategory(id, body.forecastCategory(), body.version()));
    }

    @Operation(summary = "Give the opportunity to another owner (managers)")
    @PostMapping("/api/v1/opportunities/{id}/owner")
    OpportunityViews.OpportunityView reassign(@PathVariable UUID id, @RequestBody OwnerRequest body) {
        return views.of(service.reassign(id, body.ownerId(), body.version()));
    }

    @Operation(summary = "O1: score the opportunity in your panel seat (each criterion 0 to 10, higher is better; for payment risk: safer)")
    @PostMapping("/api/v1/opportunities/{id}/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @com.lead2cash.platform.web.NoLocation("a scorecard has no address of its own; it is read in the evaluation panel "
            + "(GET /api/v1/opportunities/{id}/evaluations)")
    ResponseEntity<EvaluationResult> evaluate(@PathVariable UUID id, @RequestBody EvaluationRequest body) {
        Opportunity o = service.evaluate(id, body.needMatch(), body.competitiveStrength(), body.paymentRisk(),
                body.resourceInvestment(), body.comment());
        Scorecard s = service.scorecard(o);
        PanelSeat seat = o.evaluations().stream().filter(e -> e.current()
                && e.evaluatorId().equals(CurrentUser.require().id())).map(e -> e.seat()).findFirst().orElse(null);
        return ResponseEntity.status(201).body(new EvaluationResult(s.score(), s.qualified(), s.complete(),
                s.passScore(), s.missingSeats(), seat, o.stage(), o.version()));
    }

    @Operation(summary = "The evaluation panel: its verdict, every scorecard and the invitations")
    @GetMapping("/api/v1/opportunities/{id}/evaluations")
    EvaluationPanel panel(@PathVariable UUID id) {
        Opportunity o = access.visible(id);
        return new EvaluationPanel(OpportunityViews.EvaluationSummary.of(service.scorecard(o)), views.evaluations(o),
                views.invitations(o));
    }

    @Operation(summary = "O2: invite a tech-support colleague to the panel; they have the policy's window to answer")
    @PostMapping("/api/v1/opportunities/{id}/evaluation-invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @com.lead2cash.platform.web.NoLocation("an invitation has no address of its own; it is read in the evaluation panel "
            + "(GET /api/v1/opportunities/{id}/evaluations) and withdrawn at "
            + "DELETE /api/v1/opportunities/{id}/evaluation-invitations/{invitationId}")
    ResponseEntity<OpportunityViews.InvitationView> invite(@PathVariable UUID id, @RequestBody InvitationRequest body) {
        EvaluationInvitation i = service.invite(id, body.inviteeId());
        return ResponseEntity.status(201).body(views.invitations(access.visible(id)).stream()
                .filter(v -> v.id().equals(i.id())).findFirst().orElseThrow());
    }

    @Operation(summary = "Withdraw an open invitation; its O2 deadline is cancelled")
    @DeleteMapping("/api/v1/opportunities/{id}/evaluation-invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @PathVariable UUID invitationId) {
        service.withdrawInvitation(id, invitationId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The stages the opportunity went through and the time spent in each")
    @GetMapping("/api/v1/opportunities/{id}/history")
    List<StageHistory.StageStay> history(@PathVariable UUID id) {
        return history.of(access.visible(id).id(), clock.instant());
    }

    @com.lead2cash.platform.web.Refuses(404)
    @Operation(summary = "The pipeline board: per stage the count, total, weighted total and the first cards")
    @GetMapping("/api/v1/opportunities/board")
    PipelineQueries.PipelineBoard board(@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID teamId,
                                @RequestParam(required = false) String productLine,
                                @RequestParam(required = false) YearMonth closeMonth) {
        return pipeline.board(new PipelineQueries.Filter(ownerId, teamId, productLine, closeMonth), access.scope(),
                service.rules(), today(), 20);
    }

    @com.lead2cash.platform.web.Refuses(404)
    @Operation(summary = "The forecast by close month: pipeline, best case, commit, weighted and won, per rep, team or company")
    @GetMapping("/api/v1/opportunities/forecast")
    ForecastQueries.Forecast forecast(@RequestParam(required = false) YearMonth from,
                                      @RequestParam(required = false) Integer months,
                                      @RequestParam(required = false) ForecastQueries.GroupBy groupBy,
                                      @RequestParam(required = false) UUID teamId) {
        int n = ForecastQueries.months(months, ForecastQueries.MAX_MONTHS_API);
        return forecasts.forecast(from != null ? from : YearMonth.from(today()), n,
                groupBy == null ? ForecastQueries.GroupBy.TEAM : groupBy, teamId, access.scope(), service.rules());
    }

    @com.lead2cash.platform.web.Refuses(422)
    @Operation(summary = "Win/loss of the opportunities closed between two days (inclusive)")
    @GetMapping("/api/v1/opportunities/win-loss")
    WinLossQueries.WinLossAnalysis winLoss(@RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to) {
        LocalDate first = from != null ? from : today().withDayOfYear(1);
        LocalDate last = to != null ? to : today();
        if (last.isBefore(first)) {
            throw new FieldValidationException("to", "opportunity.period.invalid");
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        return winLoss.analyse(start, end, access.scope());
    }

    @Operation(summary = "The managed list of reasons an opportunity is lost")
    @GetMapping("/api/v1/opportunity-lost-reasons")
    List<LostReasons.LostReason> lostReasons() {
        return lostReasons.all();
    }

    /** A new lost reason, as the administrators' screen adds one. */
    record LostReasonRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                     description = "2 to 40 capital letters, digits or underscores, from a letter; fixed once added")
                             String code,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String labelZh,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String labelEn,
                             @Schema(description = "Offered to pick; true when left out") Boolean active,
                             @Schema(description = "Its place in the list; 100 when left out") Integer position) {
    }

    @Schema(description = "A field left out (or null) keeps its value; the code does not change")
    record LostReasonUpdate(String labelZh, String labelEn, Boolean active, Integer position, Long version)
            implements Versioned {
    }

    @Operation(summary = "One lost reason by its code")
    @GetMapping("/api/v1/opportunity-lost-reasons/{code}")
    LostReasons.LostReason lostReason(@PathVariable String code) {
        return lostReasons.require(code);
    }

    @Operation(summary = "Add a lost reason (administrators): its code and its label in both languages; a code taken is 422")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A reason to pick", value = """
                    {"code": "DELIVERY_TIME", "labelZh": "交期无法满足", "labelEn": "Delivery time not met", "active": true, "position": 80}""")))
    @PostMapping("/api/v1/opportunity-lost-reasons")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<LostReasons.LostReason> addLostReason(@RequestBody LostReasonRequest body) {
        LostReasons.LostReason reason = lostReasons.add(body.code(), body.labelZh(), body.labelEn(),
                body.active() == null || body.active(), body.position() == null ? 100 : body.position());
        return ResponseEntity.created(URI.create("/api/v1/opportunity-lost-reasons/" + reason.code())).body(reason);
    }

    @Operation(summary = "Change a lost reason's labels, order, or retire it (active: false) (administrators; 409 when"
            + " the version is stale)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "Retire a reason", value = """
                    {"active": false, "version": 0}""")))
    @PutMapping("/api/v1/opportunity-lost-reasons/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    LostReasons.LostReason changeLostReason(@PathVariable String code, @RequestBody LostReasonUpdate body) {
        return lostReasons.change(code, body.labelZh(), body.labelEn(), body.active(), body.position(), body.version());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
