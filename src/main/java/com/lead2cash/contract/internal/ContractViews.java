package com.lead2cash.contract.internal;

import com.lead2cash.approval.ApprovalRemark;
import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractAction;
import com.lead2cash.contract.internal.domain.ContractActor;
import com.lead2cash.contract.internal.domain.ContractAmendment;
import com.lead2cash.contract.internal.domain.ContractAmendmentRepository;
import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.ContractSection;
import com.lead2cash.contract.internal.domain.Department;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The contract as the API answers it (SPEC §6 shapes, extended) and the pages show it. */
@Component
public class ContractViews {

    /** A contract with its terms, clauses, reviews of the current round and what the reader may do next. */
    public record ContractView(
            @Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
            @Schema(requiredMode = RequiredMode.REQUIRED) String number,
            @Schema(requiredMode = RequiredMode.REQUIRED) ContractStatus status,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The amount signed (or being drafted)")
            BigDecimal amount,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "壹佰贰拾万元整") String amountInWords,
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "The amount now: as signed with every signed amendment's (补充协议) change; "
                            + "what the payment plans add up to and invoices may reach")
            BigDecimal currentAmount,
            @Schema(requiredMode = RequiredMode.REQUIRED) long version,
            @Schema(requiredMode = RequiredMode.REQUIRED) String title,
            @Schema(requiredMode = RequiredMode.REQUIRED) String currency,
            @Schema(requiredMode = RequiredMode.REQUIRED) RiskLevel riskLevel,
            @Schema(requiredMode = RequiredMode.REQUIRED) UUID opportunityId,
            @Schema(requiredMode = RequiredMode.REQUIRED) UUID customerId,
            UUID quoteId, UUID templateId, Integer templateVersion,
            @Schema(requiredMode = RequiredMode.REQUIRED) UUID ownerId,
            LocalDate termStart, LocalDate termEnd,
            @Schema(requiredMode = RequiredMode.REQUIRED) Party buyer,
            String sellerName,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<MilestoneView> milestones,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<LineView> lines,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<SectionView> sections,
            @Schema(requiredMode = RequiredMode.REQUIRED) int reviewRound,
            UUID approvalId,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<ReviewView> reviews,
            @Schema(description = "SHA-256 of the PDF the reviewers of the current round saw; the PDF served matches it")
            String pdfSha256,
            Instant approvedAt, LocalDate signedOn, String signatories, Instant archivedAt, String archiveLocation,
            Instant terminatedAt,
            @Schema(description = "The termination: the day it takes effect and why; null unless terminated")
            TerminationView termination,
            @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate retainUntil,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<ContractAction> availableActions) {

        /** The heading this contract gives the clause a review remark names by its key; null when it has none. */
        public String clauseHeading(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).map(SectionView::heading).findFirst().orElse(null);
        }
    }

    public record Party(@Schema(requiredMode = RequiredMode.REQUIRED) String name, String taxId, String address,
                        String representative) {
    }

    public record TerminationView(@Schema(requiredMode = RequiredMode.REQUIRED) LocalDate effectiveOn,
                                  @Schema(requiredMode = RequiredMode.REQUIRED) String reason) {
    }

    public record MilestoneView(@Schema(requiredMode = RequiredMode.REQUIRED) MilestoneType type,
                                @Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal amount, LocalDate dueDate,
                                String dueCondition) {
    }

    public record LineView(UUID productId, String productCode,
                           @Schema(requiredMode = RequiredMode.REQUIRED) String productName, String specification,
                           String unit, @Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal quantity,
                           @Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal unitPrice, BigDecimal discountPercent,
                           @Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal lineTotal) {
    }

    /** A clause; {@code changedFromTemplate} when its text differs from the template's (or the template has none). */
    public record SectionView(@Schema(requiredMode = RequiredMode.REQUIRED) String key,
                              @Schema(requiredMode = RequiredMode.REQUIRED) String heading,
                              @Schema(requiredMode = RequiredMode.REQUIRED) String body, String templateText,
                              @Schema(requiredMode = RequiredMode.REQUIRED) boolean changedFromTemplate,
                              @Schema(requiredMode = RequiredMode.REQUIRED) boolean added) {
    }

    /** A department's review of the current round (K1): PENDING, PASSED, OBJECTED or SKIPPED, and its due time. */
    public record ReviewView(@Schema(requiredMode = RequiredMode.REQUIRED) Department department,
                             @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"PENDING", "PASSED", "OBJECTED", "SKIPPED"})
                             String state,
                             Instant dueAt, UUID decidedBy, Instant decidedAt, String comment,
                             @Schema(requiredMode = RequiredMode.REQUIRED) List<RemarkView> remarks) {
    }

    public record RemarkView(@Schema(requiredMode = RequiredMode.REQUIRED) String section,
                             @Schema(requiredMode = RequiredMode.REQUIRED) String text) {
        public static RemarkView of(ApprovalRemark r) {
            return new RemarkView(r.section(), r.text());
        }
    }

    public record AmendmentView(@Schema(requiredMode = RequiredMode.REQUIRED) UUID id,
                                @Schema(requiredMode = RequiredMode.REQUIRED) String number,
                                @Schema(requiredMode = RequiredMode.REQUIRED) String title,
                                @Schema(requiredMode = RequiredMode.REQUIRED) String summary,
                                @Schema(requiredMode = RequiredMode.REQUIRED) BigDecimal amountChange,
                                @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate signedOn,
                                @Schema(requiredMode = RequiredMode.REQUIRED) UUID scanFileId,
                                UUID createdBy, @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {
        public static AmendmentView of(ContractAmendment a) {
            return new AmendmentView(a.id(), a.number(), a.title(), a.summary(), a.amountChange(), a.signedOn(),
                    a.scanFileId(), a.createdBy(), a.createdAt());
        }
    }

    private final ContractReviews reviews;
    private final ContractLifecycle lifecycle;
    private final ContractAmendmentRepository amendments;

    ContractViews(ContractReviews reviews, ContractLifecycle lifecycle, ContractAmendmentRepository amendments) {
        this.reviews = reviews;
        this.lifecycle = lifecycle;
        this.amendments = amendments;
    }

    public ContractView of(Contract c, ContractActor actor) {
        List<ReviewView> reviewViews = reviews.view(c).map(v -> reviews.reviews(v).stream()
                .map(r -> new ReviewView(r.department(), r.state(), r.dueAt(), r.decidedBy(), r.decidedAt(), r.comment(),
                        r.remarks().stream().map(RemarkView::of).toList())).toList()).orElse(List.of());
        BigDecimal current = amendments.findByContractIdOrderByCreatedAt(c.id()).stream()
                .map(ContractAmendment::amountChange).reduce(c.amount(), BigDecimal::add);
        return new ContractView(c.id(), c.number(), c.status(), c.amount(), c.amountInWords(), current,
                c.version() == null ? 0 : c.version(), c.title(), c.currency(), c.riskLevel(), c.opportunityId(),
                c.customerId(), c.quoteId(), c.templateId(), c.templateVersion(), c.ownerId(), c.termStart(), c.termEnd(),
                new Party(c.buyerName(), c.buyerTaxId(), c.buyerAddress(), c.buyerRepresentative()), c.sellerName(),
                c.milestones().stream().map(ContractViews::milestone).toList(),
                c.lines().stream().map(ContractViews::line).toList(),
                c.sections().stream().map(ContractViews::section).toList(), c.reviewRound(), c.approvalId(), reviewViews,
                c.status().editable() ? null : c.reviewCopySha256(), c.approvedAt(), c.signedOn(), c.signatories(),
                c.archivedAt(), c.archiveLocation(), c.terminatedAt(),
                lifecycle.termination(c).map(t -> new TerminationView(t.effectiveOn(), t.reason())).orElse(null),
                c.retainUntil(),
                c.availableActions(actor).stream().sorted().toList());
    }

    static MilestoneView milestone(PaymentMilestone m) {
        return new MilestoneView(m.type(), m.amount(), m.dueDate(), m.dueCondition());
    }

    static LineView line(ContractLine l) {
        return new LineView(l.productId(), l.productCode(), l.productName(), l.specification(), l.unit(), l.quantity(),
                l.unitPrice(), l.discountPercent(), l.lineTotal());
    }

    static SectionView section(ContractSection s) {
        return new SectionView(s.sectionKey(), s.heading(), s.body(), s.templateText(), s.deviates(), s.added());
    }
}
