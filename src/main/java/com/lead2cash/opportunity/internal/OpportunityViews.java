package com.lead2cash.opportunity.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.board.PipelineQueries;
import com.lead2cash.opportunity.internal.domain.Evaluation;
import com.lead2cash.opportunity.internal.domain.EvaluationInvitation;
import com.lead2cash.opportunity.internal.domain.ForecastCategory;
import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.domain.OpportunityAction;
import com.lead2cash.opportunity.internal.domain.PanelSeat;
import com.lead2cash.opportunity.internal.domain.Scorecard;
import com.lead2cash.platform.OrgDirectory;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opportunities as the API and the screens show them: data, probability, the panel's verdict, what may be done next. */
@Component
public class OpportunityViews {

    public record EvaluationSummary(BigDecimal score, boolean complete, boolean qualified, int passScore,
                                    Set<PanelSeat> panel, Set<PanelSeat> missingSeats, Map<String, BigDecimal> criteria) {
        public static EvaluationSummary of(Scorecard s) {
            return new EvaluationSummary(s.score(), s.complete(), s.qualified(), s.passScore(), s.panel(),
                    s.missingSeats(), s.criteria());
        }
    }

    public record OpportunityView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
                                  String customerName, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Stage stage,
                                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal probability,
                                  BigDecimal weightedAmount, ForecastCategory forecastCategory,
                                  boolean forecastOverridden, LocalDate expectedCloseDate, List<String> productLines,
                                  List<String> competitors, String nextStep, UUID ownerId, String ownerName,
                                  String lostReason, String lostNote, String lostTo, Instant closedAt,
                                  Instant stageChangedAt, String sourceLeadCode, EvaluationSummary evaluation,
                                  Set<OpportunityAction> availableActions, long version) {
    }

    public record EvaluationView(UUID id, UUID evaluatorId, String evaluatorName, PanelSeat seat, int needMatch,
                                 int competitiveStrength, int paymentRisk, int resourceInvestment, int total,
                                 String comment, Instant submittedAt, boolean current) {
    }

    public record InvitationView(UUID id, UUID inviteeId, String inviteeName, UUID invitedBy, Instant invitedAt,
                                 Instant answeredAt, Instant withdrawnAt, boolean open) {
    }

    private final OpportunityService service;
    private final OpportunityAccess access;
    private final CustomerDirectory customers;
    private final OrgDirectory org;

    OpportunityViews(OpportunityService service, OpportunityAccess access, CustomerDirectory customers,
                     OrgDirectory org) {
        this.service = service;
        this.access = access;
        this.customers = customers;
        this.org = org;
    }

    public OpportunityView of(Opportunity o) {
        OpportunityRules rules = service.rules();
        Scorecard scorecard = o.scorecard(rules.panel(), rules.passScore());
        BigDecimal p = rules.probability(o.stage());
        return new OpportunityView(o.id(), o.code(), o.name(), o.customerId(),
                customers.find(o.customerId()).map(CustomerDirectory.CustomerRef::name).orElse(null), o.amount(),
                o.currency(), o.stage(), p, PipelineQueries.weighted(o.amount(), p), o.forecastCategory(),
                o.forecastOverridden(), o.expectedCloseDate(), o.productLines(), o.competitors(), o.nextStep(),
                o.ownerId(), org.person(o.ownerId()).map(OrgDirectory.Person::displayName).orElse(null),
                o.lostReason(), o.lostNote(), o.lostTo(), o.closedAt(), o.stageChangedAt(), o.sourceLeadCode(),
                EvaluationSummary.of(scorecard), service.actions(o),
                o.version() == null ? 0 : o.version());
    }

    public List<EvaluationView> evaluations(Opportunity o) {
        Set<UUID> ids = new HashSet<>();
        o.evaluations().forEach(e -> ids.add(e.evaluatorId()));
        Map<UUID, OrgDirectory.Person> people = org.people(ids);
        return o.evaluations().stream().map((Evaluation e) -> new EvaluationView(e.id(), e.evaluatorId(),
                people.containsKey(e.evaluatorId()) ? people.get(e.evaluatorId()).displayName() : null, e.seat(),
                e.needMatch(), e.competitiveStrength(), e.paymentRisk(), e.resourceInvestment(), e.total(), e.comment(),
                e.submittedAt(), e.current())).toList();
    }

    public List<InvitationView> invitations(Opportunity o) {
        Set<UUID> ids = new HashSet<>();
        o.invitations().forEach(i -> ids.add(i.inviteeId()));
        Map<UUID, OrgDirectory.Person> people = org.people(ids);
        return o.invitations().stream().map((EvaluationInvitation i) -> new InvitationView(i.id(), i.inviteeId(),
                people.containsKey(i.inviteeId()) ? people.get(i.inviteeId()).displayName() : null, i.invitedBy(),
                i.invitedAt(), i.answeredAt(), i.withdrawnAt(), i.isOpen())).toList();
    }
}
