package com.lead2cash.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What other modules may read of a contract (合同): the terms of a signed one — parties, amount,
 * milestones, lines with products and quantities, owner, customer — for payment plans, orders,
 * invoices and the after-sales handover.
 */
public interface Contracts {

    /** The contract's terms once signed (SIGNED or ARCHIVED, or TERMINATED after signing); empty before signing. */
    Optional<SignedContract> signed(UUID contractId);

    /**
     * Whether the signed-in reader may open the contract's page (its owner in their scope, or a reviewer's once
     * submitted): another module's page links it only then — an order kept by a rep whose contract went on with its
     * customer to another owner (docs/decisions/0023) names it without a link.
     */
    boolean mayOpen(UUID contractId);

    /** {@link #mayOpen} for a list's worth of contracts at once (one query): those of them the reader may open. */
    Set<UUID> openable(Collection<UUID> contractIds);

    /** The signed contracts of a customer, newest first. */
    List<SignedContract> signedOf(UUID customerId);

    /**
     * A signed contract's terms. {@code amount} is the amount signed; {@code amendments} are the signed
     * supplements (补充协议) that changed it since. {@code createdAt} is when it was drafted: no money can
     * have been paid under it before.
     */
    record SignedContract(UUID id, String number, String title, ContractStatus status, UUID customerId,
                          UUID opportunityId, UUID quoteId, UUID ownerId, String buyerName, String buyerTaxId,
                          String sellerName, BigDecimal amount, String currency, Instant createdAt, LocalDate signedOn,
                          LocalDate termStart, LocalDate termEnd, List<Milestone> milestones, List<Line> lines,
                          List<Amendment> amendments) {

        /** The amount with every signed amendment's change. */
        public BigDecimal currentAmount() {
            return amendments.stream().map(Amendment::amountChange).reduce(amount, BigDecimal::add);
        }
    }

    /** A payment milestone: its amount, and a due date or the event it falls due on ("验收合格后 30 日内"). */
    record Milestone(int position, MilestoneType type, BigDecimal amount, LocalDate dueDate, String dueCondition) {
    }

    /** A line of the contract: the product and quantity sold, at the agreed price. */
    record Line(int position, UUID productId, String productCode, String productName, String unit,
                BigDecimal quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    record Amendment(UUID id, String number, String title, BigDecimal amountChange, LocalDate signedOn) {
    }
}
