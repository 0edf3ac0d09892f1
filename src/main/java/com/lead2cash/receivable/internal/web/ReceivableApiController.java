package com.lead2cash.receivable.internal.web;

import com.lead2cash.platform.web.ReasonedAction;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.Scope;
import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.Refuses;
import com.lead2cash.receivable.internal.CollectionRates;
import com.lead2cash.receivable.internal.ReceivableAccess;
import com.lead2cash.receivable.internal.ReceivablePlanning;
import com.lead2cash.receivable.internal.ReceivablePolicy;
import com.lead2cash.receivable.internal.ReceivableQueries;
import com.lead2cash.receivable.internal.ReceivableQueries.Filter;
import com.lead2cash.receivable.internal.ReceivableQueries.PlanRow;
import com.lead2cash.receivable.internal.domain.AgingBucket;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableAction;
import com.lead2cash.receivable.internal.domain.ReceivableState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment plans over the API (SPEC §6): the list with aging, one plan, its due date, P1 confirmation, write-off, the aging report (P2). */
@RestController
@Tag(name = "Receivables")
@PreAuthorize(ReceivableAccess.READER_ROLES)
class ReceivableApiController {

    /** SPEC §6: {id, contractId, type, amount, paidAmount, dueDate, state, daysOverdue, agingBucket}, and more. */
    record ReceivableItem(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, UUID contractId,
                          String contractNumber, UUID customerId, UUID ownerId, int position, MilestoneType type,
                          BigDecimal amount, BigDecimal paidAmount, BigDecimal outstanding, String currency,
                          LocalDate dueDate, String dueCondition, ReceivableState state, long daysOverdue,
                          @Schema(description = "P2 aging bucket B1–B4 (by default 0–30, 31–60, 61–90, > 90 days); null when not overdue")
                          AgingBucket agingBucket) {
        static ReceivableItem of(PlanRow r) {
            return new ReceivableItem(r.id(), r.contractId(), r.contractNumber(), r.customerId(), r.ownerId(), r.position(),
                    r.type(), r.amount(), r.paidAmount(), r.outstanding(), "CNY", r.dueDate(), r.dueCondition(), r.state(),
                    r.daysOverdue(), r.agingBucket());
        }
    }

    /** One plan with what you may do next and its version. */
    record ReceivableView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, UUID contractId,
                          String contractNumber, UUID customerId, UUID ownerId, int position, MilestoneType type,
                          BigDecimal amount, BigDecimal paidAmount, BigDecimal outstanding, String currency,
                          LocalDate dueDate, String dueCondition, ReceivableState state, long daysOverdue,
                          AgingBucket agingBucket, Instant remindedAt, int escalationLevel, String writtenOffReason,
                          Set<ReceivableAction> actions, long version) {
    }

    record ReceivableDueDateRequest(LocalDate dueDate,
                                    @Schema(description = "why a due date already set is moved (finance only); "
                                            + "required then, kept in the plan's history")
                                    String reason,
                                    Long version) implements Versioned {
    }

    record AgingBucketView(AgingBucket bucket, String label, int plans, BigDecimal outstanding) {
    }

    record CollectionRateView(UUID ownerId, BigDecimal due, BigDecimal collected, BigDecimal percent) {
    }

    /** A rep's, a team's (named after its manager) or the company's collection rate over the period. */
    record CollectionRateRow(@Schema(description = "the rep's user id or the team's org unit id; null for the company")
                             UUID id, String name, BigDecimal due, BigDecimal collected,
                             @Schema(description = "collected ÷ due × 100, two decimals; null when nothing fell due")
                             BigDecimal percent) {
        static CollectionRateRow of(CollectionRates.Rate r) {
            return r == null ? null : new CollectionRateRow(r.key(), r.name(), r.due(), r.collected(), r.percent());
        }
    }

    /** 回款率 over plans due in [from, to]: per rep and team in your scope, and the company for those who see all. */
    record CollectionRatesView(LocalDate from, LocalDate to, List<CollectionRateRow> reps, List<CollectionRateRow> teams,
                               @Schema(description = "only for finance, the sales director and the administrator")
                               CollectionRateRow company) {
    }

    /** P2: what overdue plans owe by bucket, and the collection rate per rep and for the whole scope. */
    record AgingReport(LocalDate asOf, List<AgingBucketView> buckets, List<CollectionRateView> reps,
                       CollectionRateView total) {
    }

    /** A contract's collection and invoicing, for the contract list: amounts, percentages of the plan, paid plans of plans. */
    record ContractFigures(UUID contractId, BigDecimal planned, BigDecimal collected, BigDecimal collectedPercent,
                           BigDecimal invoiced, BigDecimal invoicedPercent, int paidPlans, int plans) {
    }

    private final ReceivableQueries queries;
    private final ReceivablePlanning planning;
    private final ReceivableAccess access;
    private final ReceivablePolicy policy;

    private final ContractFiguresReader figures;
    private final CollectionRates rates;

    ReceivableApiController(ReceivableQueries queries, ReceivablePlanning planning, ReceivableAccess access,
                            ReceivablePolicy policy, ContractFiguresReader figures, CollectionRates rates) {
        this.figures = figures;
        this.rates = rates;
        this.queries = queries;
        this.planning = planning;
        this.access = access;
        this.policy = policy;
    }

    @Operation(summary = "Payment plans in your scope, filtered by contract, state, overdue or owner; with days overdue and aging bucket")
    @GetMapping("/api/v1/receivables")
    CursorPage<ReceivableItem> list(@RequestParam(required = false) UUID contractId,
                                    @RequestParam(required = false) ReceivableState state,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(required = false) UUID ownerId,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer size) {
        return queries.list(new Filter(contractId, state, overdue, ownerId), cursor, size).map(ReceivableItem::of);
    }

    @Operation(summary = "P2: the aging report: what overdue plans owe by bucket, and collection rates per rep and in total")
    @GetMapping("/api/v1/receivables/aging")
    AgingReport aging() {
        return report(queries, rates, access.scope());
    }

    /**
     * The aging buckets with the collection rates of every plan due by today (see {@link CollectionRates}), both
     * in the reader's {@code scope}, read once for the two.
     */
    static AgingReport report(ReceivableQueries queries, CollectionRates rates, Scope scope) {
        List<AgingBucketView> buckets = queries.aging(scope).stream()
                .map(b -> new AgingBucketView(b.bucket(), b.label(), b.plans(), b.outstanding())).toList();
        List<CollectionRates.Rate> reps = rates.repsDueByToday(scope);
        CollectionRates.Rate total = new CollectionRates.Rate(null, null,
                reps.stream().map(CollectionRates.Rate::due).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                reps.stream().map(CollectionRates.Rate::collected).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        return new AgingReport(queries.asOf(), buckets,
                reps.stream().map(r -> new CollectionRateView(r.key(), r.due(), r.collected(), r.percent())).toList(),
                new CollectionRateView(null, total.due(), total.collected(), total.percent()));
    }

    @Operation(summary = "Collection rate: collected ÷ due over the plans due in [from, to] (to at most today, "
            + "the default; no from: every plan due by then), per rep and team in your scope and for the company "
            + "when you see all")
    @GetMapping("/api/v1/receivables/collection-rates")
    @Refuses(422)
    CollectionRatesView collectionRates(@RequestParam(required = false) LocalDate from,
                                        @RequestParam(required = false) LocalDate to) {
        CollectionRates.Report r = rates.of(from, to);
        return new CollectionRatesView(r.from(), r.to(), r.reps().stream().map(CollectionRateRow::of).toList(),
                r.teams().stream().map(CollectionRateRow::of).toList(), CollectionRateRow.of(r.company()));
    }

    @Operation(summary = "Collected and invoiced amounts and percentages and paid plans of plans, for up to 100 contracts you may see")
    @GetMapping("/api/v1/receivables/contract-figures")
    CursorPage<ContractFigures> figures(@RequestParam List<UUID> contractId) {
        if (contractId.size() > 100) {
            throw new com.lead2cash.platform.BadRequestException("contractId", "receivable.figures.tooMany", 100);
        }
        return new CursorPage<>(figures.of(contractId), null);
    }

    @Operation(summary = "One payment plan, with what you may do next")
    @GetMapping("/api/v1/receivables/{id}")
    ReceivableView get(@PathVariable UUID id) {
        return view(access.visible(id));
    }

    @Operation(summary = "Fix the due date of a plan that has none (its rep or finance), or move one already set "
            + "(finance only, with a reason; the rep and their manager are told); a running P1 reminder follows it")
    @PostMapping("/api/v1/receivables/{id}/due-date")
    ReceivableView dueDate(@PathVariable UUID id, @RequestBody ReceivableDueDateRequest body) {
        return view(planning.setDueDate(id, body.dueDate(), body.reason(), body.version()));
    }

    @Operation(summary = "P1: the rep confirms the customer was reminded of the coming due date")
    @PostMapping("/api/v1/receivables/{id}/customer-reminded")
    @Refuses(422)
    ReceivableView reminded(@PathVariable UUID id) {
        return view(planning.customerReminded(id));
    }

    @Operation(summary = "Finance writes off what an overdue plan still owes, with a reason")
    @PostMapping("/api/v1/receivables/{id}/write-off")
    @PreAuthorize(ReceivableAccess.FINANCE_ROLES)
    ReceivableView writeOff(@PathVariable UUID id, @RequestBody ReasonedAction body) {
        return view(planning.writeOff(id, body.reason(), body.version()));
    }

    private ReceivableView view(Receivable r) {
        LocalDate today = policy.today();
        long days = r.daysOverdue(today);
        return new ReceivableView(r.id(), r.contractId(), r.contractNumber(), r.customerId(), r.ownerId(), r.position(),
                r.type(), r.amount(), r.paidAmount(), r.outstanding(), r.currency(), r.dueDate(), r.dueCondition(),
                r.state(), days, policy.rules().bucket(days), r.remindedAt(), r.escalationLevel(), r.writtenOffReason(),
                planning.actions(r), r.version());
    }
}
