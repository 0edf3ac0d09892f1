package com.lead2cash.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of the opportunity module (商机): open one (a converting lead), read one
 * within the caller's scope (quotes), a customer's record with us (approvals show it), and the
 * milestones other modules prove — a quote accepted by the customer, a contract signed.
 */
public interface Opportunities {

    /** Opens an opportunity in DISCOVERY for the customer; the customer becomes 销售机会. Returns its id. */
    UUID open(NewOpportunity opportunity);

    /** The opportunity if the current user may see it, else {@link com.lead2cash.platform.RecordNotFoundException}. */
    OpportunityRef requireVisible(UUID opportunityId);

    /** The opportunity, whoever asks (system use: events, labels). */
    Optional<OpportunityRef> find(UUID opportunityId);

    /**
     * Whether the current user may open the opportunity's page — the page's own rule ({@link #requireVisible}, its
     * roles included): another module's page links to the opportunity only then, else shows it as text.
     */
    boolean mayOpen(UUID opportunityId);

    /** Whether the current user may work the opportunity (its owner, or a manager above the owner) in its stage now. */
    boolean mayWork(UUID opportunityId);

    /**
     * Whether the current user works the opportunity (its owner, or a manager above the owner) whatever its stage:
     * who asks is decided by this (403), a closed stage by the caller's own rule (422).
     */
    boolean worksOn(UUID opportunityId);

    /**
     * The opportunity's stage, its row held (shared) until the caller's transaction ends: a stage change waits for
     * the caller, and the caller waits for a stage change under way. Empty for an unknown opportunity.
     */
    Optional<Stage> lockedStage(UUID opportunityId);

    /**
     * The customer accepted a quote of the opportunity: from PROPOSAL it moves to NEGOTIATION, from
     * NEGOTIATION to CONTRACT, and its amount becomes the quote's total. Elsewhere it stays where it is; before the
     * proposal stage (the evaluation, O1, not passed) and once won or lost nothing changes, the amount neither.
     */
    void quoteAccepted(UUID opportunityId, UUID quoteId, BigDecimal total, Instant at);

    /**
     * The contract was signed: the opportunity is won (from CONTRACT) at the contract's amount, the deal as closed
     * (decision 0087), and the customer becomes 已签约. Elsewhere in the pipeline nothing changes, the amount neither.
     */
    void contractSigned(UUID opportunityId, String contractNumber, BigDecimal contractAmount, Instant at);

    /**
     * A signed amendment (补充协议) of the opportunity's contract made its amount {@code contractAmount}: a won
     * opportunity's amount follows (decision 0087); an open or lost one is left as it is. In the amendment's
     * transaction.
     */
    void contractAmended(UUID opportunityId, String contractNumber, String amendmentNumber, BigDecimal contractAmount);

    /** What the company did with this customer so far: opportunities won and lost, and their amounts. */
    CustomerRecord recordOf(UUID customerId);

    /** A new opportunity; {@code expectedCloseDate} null when unknown, {@code productLines} what it is about (may be empty). */
    record NewOpportunity(UUID customerId, String name, BigDecimal amount, UUID ownerId, String sourceLeadCode,
                          LocalDate expectedCloseDate, List<String> productLines) {

        public NewOpportunity(UUID customerId, String name, BigDecimal amount, UUID ownerId, String sourceLeadCode) {
            this(customerId, name, amount, ownerId, sourceLeadCode, null, List.of());
        }
    }

    /** An opportunity as other modules see it. */
    record OpportunityRef(UUID id, String code, String name, UUID customerId, UUID ownerId, Stage stage,
                          BigDecimal amount, String currency, LocalDate expectedCloseDate, List<String> productLines) {
    }

    record CustomerRecord(int open, int won, int lost, BigDecimal openAmount, BigDecimal wonAmount,
                          BigDecimal lostAmount) {
    }
}
