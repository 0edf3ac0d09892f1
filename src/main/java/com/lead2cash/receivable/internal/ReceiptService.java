package com.lead2cash.receivable.internal;

import com.lead2cash.contract.Contracts;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.ForbiddenException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.IdempotencyKey;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.receivable.internal.domain.Receipt;
import com.lead2cash.receivable.internal.domain.ReceiptAction;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import com.lead2cash.receivable.internal.domain.ReceiptRepository;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableRepository;
import com.lead2cash.receivable.internal.domain.ReceivableState;
import com.lead2cash.sop.Deadlines;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts (收款) as finance records them: recorded with their allocation to the customer's payment plans
 * (partial payments, one receipt over several plans), allocated later when the remittance advice comes,
 * reversed with a reason. A plan paid in full no longer needs its P1 reminder.
 */
@Service
public class ReceiptService {

    static final int MAX_TEXT = 200;
    /** Allocations one request may make: the receipt form offers at most as many open plans. */
    public static final int MAX_ALLOCATIONS = 50;

    /** One allocation asked for: so much of the receipt to this plan. */
    public record AllocationRequest(UUID receivableId, BigDecimal amount) {
    }

    /** A receipt as entered. */
    public record NewReceipt(UUID customerId, BigDecimal amount, LocalDate receivedOn, ReceiptMethod method,
                             String payer, String reference, List<AllocationRequest> allocations) {
    }

    /** The receipt a request recorded, or the one its idempotency key recorded before ({@code repeated}). */
    public record Recorded(Receipt receipt, boolean repeated) {
    }

    private final ReceiptRepository receipts;
    private final ReceivableRepository plans;
    private final CustomerDirectory customers;
    private final Contracts contracts;
    private final HumanCodes codes;
    private final ReceivablePolicy policy;
    private final Deadlines deadlines;
    private final AuditTrail audit;
    private final ReceivableAccess access;
    private final ReceiptIdempotency idempotency;

    ReceiptService(ReceiptRepository receipts, ReceivableRepository plans, CustomerDirectory customers,
                   Contracts contracts, HumanCodes codes, ReceivablePolicy policy, Deadlines deadlines, AuditTrail audit,
                   ReceivableAccess access, ReceiptIdempotency idempotency) {
        this.receipts = receipts;
        this.idempotency = idempotency;
        this.plans = plans;
        this.access = access;
        this.customers = customers;
        this.contracts = contracts;
        this.codes = codes;
        this.policy = policy;
        this.deadlines = deadlines;
        this.audit = audit;
    }

    /**
     * Records the receipt once per idempotency key of the user ({@code null}: none sent): the key sent again with the
     * same body answers the receipt it recorded, as it stands now; with another body it is refused (422). The receipt
     * and its key are written in one transaction: a refused receipt keeps no key.
     */
    @Transactional
    public Recorded record(NewReceipt in, IdempotencyKey key) {
        if (key == null) {
            return new Recorded(record(in), false);
        }
        ReceivableAccess.requireFinance();
        UUID me = CurrentUser.require().id();
        Optional<UUID> earlier = idempotency.earlier(me, key);
        if (earlier.isPresent()) {
            return new Recorded(receipts.findById(earlier.get()).orElseThrow(), true);
        }
        Receipt saved = record(in);
        idempotency.remember(me, key, saved.id());
        return new Recorded(saved, false);
    }

    @Transactional
    public Receipt record(NewReceipt in) {
        ReceivableAccess.requireFinance();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = policy.today();
        Optional<LocalDate> earliest = Optional.empty();
        if (in.customerId() == null) {
            errors.add(new FieldError("customerId", "receipt.customer.required"));
        } else if (customers.find(in.customerId()).isEmpty()) {
            errors.add(new FieldError("customerId", "receipt.customer.unknown"));
        } else {
            Optional<CustomerDirectory.CustomerRef> survivor = customers.mergedInto(in.customerId());
            if (survivor.isPresent()) {
                // a merged customer is closed: its plans and receipts went to the survivor, where this money belongs (a
                // receipt left on the merged one could pay none of them, and its bank reference would go unchecked)
                errors.add(new FieldError("customerId", "receipt.customer.merged", survivor.get().code(),
                        survivor.get().name()));
            } else if (in.allocations() != null && !in.allocations().isEmpty()) {
                // money that pays a plan arrived after the customer's first contract was drafted; an advance left
                // unallocated (a deposit paid before any contract) is dated as the bank says, as when no contract exists
                earliest = earliestDay(in.customerId());
            }
        }
        if (in.amount() == null || in.amount().signum() <= 0) {
            errors.add(new FieldError("amount", "receipt.amount.positive"));
        } else {
            InputRules.amountProblem("amount", in.amount()).ifPresent(errors::add);
        }
        if (in.receivedOn() == null) {
            errors.add(new FieldError("receivedOn", "receipt.receivedOn.required"));
        } else if (in.receivedOn().isAfter(today)) {
            errors.add(new FieldError("receivedOn", "receipt.receivedOn.future"));
        } else if (earliest.isPresent() && in.receivedOn().isBefore(earliest.get())) {
            errors.add(new FieldError("receivedOn", "receipt.receivedOn.beforeContract", earliest.get()));
        } else if (in.receivedOn().isBefore(InputRules.earliestBack(today))) {
            // a customer without a signed contract: no earlier than the oldest voucher a company keeps
            errors.add(new FieldError("receivedOn", "receipt.receivedOn.tooOld", InputRules.earliestBack(today)));
        }
        if (in.method() == null) {
            errors.add(new FieldError("method", "receipt.method.required"));
        }
        InputRules.fieldProblem("payer", in.payer(), MAX_TEXT).ifPresent(errors::add);
        Optional<FieldError> referenceProblem = InputRules.fieldProblem("reference", in.reference(), MAX_TEXT)
                .or(() -> invisibleInReference(in.reference()));
        referenceProblem.or(() -> referenceTaken(in.customerId(), bankReference(in.reference()))).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        CurrentUser me = CurrentUser.require();
        Instant now = policy.now();
        Receipt r = Receipt.record(codes.nextDocumentNumber("SK"), in.customerId(), in.amount(),
                in.receivedOn(), in.method(), blankToNull(in.payer()), bankReference(in.reference()), me.id(), now);
        allocateAll(r, in.allocations(), me.id(), today, now);
        Receipt saved = receipts.save(r);
        audit.record("RECEIPT_RECORDED", ReceivableAccess.RECEIPT, saved.id().toString(),
                saved.number() + " " + MoneyText.of(saved.amount()));
        return saved;
    }

    /**
     * A bank reference names one transfer: refused when a receipt of the customer that stands (not reversed) has it,
     * in any letter case, naming that receipt. The reference is held until commit, so that of two receipts of one
     * transfer recorded at once the second waits and is refused (the database's unique index holds it too).
     */
    private Optional<FieldError> referenceTaken(UUID customerId, String reference) {
        if (customerId == null || reference == null) {
            return Optional.empty();
        }
        receipts.holdReference(customerId, reference);
        return receipts.findStandingByReference(customerId, reference)
                .map(number -> new FieldError("reference", "receipt.reference.taken", number));
    }

    /**
     * The first day money from the customer can have arrived: the day its first signed contract was drafted
     * (a receipt of 1900 is a typo, and would sit in the rates and the list for good); empty without one
     * (money ahead of any contract stays recordable, only not in the future).
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> earliestDay(UUID customerId) {
        return contracts.signedOf(customerId).stream().map(Contracts.SignedContract::createdAt)
                .min(Comparator.naturalOrder()).map(at -> LocalDate.ofInstant(at, policy.zone()));
    }

    /** Allocates what is left of a receipt to plans of its customer. */
    @Transactional
    public Receipt allocate(UUID receiptId, List<AllocationRequest> allocations, Long version) {
        ReceivableAccess.requireFinance();
        Receipt r = receipts.findByIdForUpdate(receiptId).orElseThrow(() -> new RecordNotFoundException(ReceivableAccess.RECEIPT, receiptId));
        r.expectVersion(version);
        if (allocations == null || allocations.isEmpty()) {
            throw new FieldValidationException("allocations", "receipt.allocations.required");
        }
        allocateAll(r, allocations, CurrentUser.require().id(), policy.today(), policy.now());
        return receipts.save(r);
    }

    /** 冲销 — reverses a wrong receipt with a reason; the plans it paid owe again. */
    @Transactional
    public Receipt reverse(UUID receiptId, String reason, Long version) {
        ReceivableAccess.requireFinance();
        Receipt r = receipts.findByIdForUpdate(receiptId).orElseThrow(() -> new RecordNotFoundException(ReceivableAccess.RECEIPT, receiptId));
        InputRules.requireFieldText("reason", reason, InputRules.MAX_TEXT);
        r.expectVersion(version);
        List<UUID> paid = r.allocations().stream().map(a -> a.planId()).distinct().toList();
        Map<UUID, Receivable> locked = paid.isEmpty() ? new java.util.HashMap<>() // nothing allocated: no plan to lock
                : plans.lockAll(paid).stream().collect(Collectors.toMap(Receivable::id, Function.identity()));
        // asked while it stands: the receipt holding its reference, not a twin repeating it
        boolean heldReference = r.reference() != null && !r.repeatsReference();
        r.reverse(reason, locked, CurrentUser.require().id(), policy.today(), policy.now());
        plans.saveAll(locked.values());
        Receipt saved = receipts.save(r);
        if (heldReference) {
            handReferenceToTwin(saved);
        }
        audit.record("RECEIPT_REVERSED", ReceivableAccess.RECEIPT, saved.id().toString(), saved.number() + " " + reason);
        return saved;
    }

    /**
     * The reversed receipt held its bank reference: a twin that repeated it (from before references were held unique, or
     * a customer merge) is now the one standing receipt with it, so it takes the reference over rather than staying
     * marked beside a reversed receipt. The reversed receipt left the one-reference index in this transaction and the
     * index admits one holder per customer and reference, so exactly one twin, the earliest, takes it; any other stays
     * marked as repeating it. A twin reversed meanwhile (its row locked by that reversal) is passed over for the next.
     */
    private void handReferenceToTwin(Receipt reversed) {
        Set<UUID> passed = new java.util.HashSet<>();
        for (Optional<UUID> twin = receipts.findFirstTwin(reversed.customerId(), reversed.reference());
             twin.isPresent() && passed.add(twin.get());
             twin = receipts.findFirstTwin(reversed.customerId(), reversed.reference())) {
            if (receipts.takeOverReference(twin.get()) == 1) {
                return;
            }
        }
    }

    /**
     * A receipt, for whoever reads receipts (the list's rule, {@link ReceiptQueries#mayRead}); 403 for others
     * before any lookup, whether the id exists or not: reps and managers read their plans, not receipts.
     */
    @Transactional(readOnly = true)
    public Receipt visible(UUID id) {
        if (!ReceiptQueries.mayRead(CurrentUser.require())) {
            throw new ForbiddenException("receivable.financeOnly");
        }
        return receipts.findById(id).orElseThrow(() -> new RecordNotFoundException(ReceivableAccess.RECEIPT, id));
    }

    /** What the current user may do with the receipt next, as the receipt answers it: finance's steps while it stands. */
    public Set<ReceiptAction> actions(Receipt r) {
        return r.availableActions(ReceivableAccess.isFinance(CurrentUser.require()));
    }

    private void allocateAll(Receipt r, List<AllocationRequest> requested, UUID by, LocalDate today, Instant now) {
        if (requested == null || requested.isEmpty()) {
            return;
        }
        if (requested.size() > MAX_ALLOCATIONS) {
            throw new FieldValidationException("allocations", "receipt.allocations.tooMany", MAX_ALLOCATIONS);
        }
        Map<UUID, BigDecimal> byPlan = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            AllocationRequest a = requested.get(i);
            if (a == null || a.receivableId() == null) {
                throw new FieldValidationException("allocations[" + i + "].receivableId", "receipt.allocation.plan");
            }
            if (a.amount() == null || a.amount().signum() <= 0 || InputRules.amountProblem(a.amount()).isPresent()) {
                throw new FieldValidationException("allocations[" + i + "].amount", "receipt.allocation.amount");
            }
            if (byPlan.putIfAbsent(a.receivableId(), a.amount()) != null) {
                // one plan, one amount per request (API and forms alike): two parts for it are a typing slip, not a sum;
                // named only to whom may see it (404 otherwise, as the forms answer)
                throw planGivenTwice("allocations[" + i + "].receivableId", access.visible(a.receivableId()));
            }
        }
        BigDecimal total = byPlan.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        r.refuseAllocationOf(total);
        Map<UUID, Receivable> locked = plans.lockAll(byPlan.keySet()).stream()
                .collect(Collectors.toMap(Receivable::id, Function.identity()));
        for (Map.Entry<UUID, BigDecimal> e : byPlan.entrySet()) {
            Receivable plan = locked.get(e.getKey());
            if (plan == null) {
                throw new RecordNotFoundException(ReceivableAccess.SUBJECT, e.getKey());
            }
            r.allocate(plan, e.getValue(), by, today, now);
            if (plan.state() == ReceivableState.PAID) {
                deadlines.meet(ReceivableRules.REMINDER, ReceivablePlanning.subject(plan), now);
            }
        }
        plans.saveAll(locked.values());
    }


    /** The refusal of one plan named twice in one request's allocations, naming the plan as the reader knows it. */
    private static FieldValidationException planGivenTwice(String field, Receivable plan) {
        return new FieldValidationException(field, "receipt.allocation.twice", plan.contractNumber(), plan.position());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A bank reference as kept and compared: full-width letters, digits and signs typed on a Chinese keyboard read as
     * their plain forms (REF－００１ is REF-001), and invisible format characters (a zero-width space pasted with it)
     * are no part of it, so the same transfer is not recorded twice for the way it was typed.
     */
    static String bankReference(String s) {
        String plain = blankToNull(s);
        return plain == null ? null : blankToNull(withoutFormatCharacters(
                java.text.Normalizer.normalize(plain, java.text.Normalizer.Form.NFKC)));
    }

    /**
     * A reference with an invisible format character (Unicode category Cf: zero-width space and joiners, word joiner,
     * byte order mark, soft hyphen, bidirectional marks) is refused: nobody types one, it comes pasted from a web page,
     * and the reference would read as another transfer's while looking the same. Receipts kept from before are compared
     * without them ({@link ReceiptRepository#findStandingByReference}).
     */
    private static Optional<FieldError> invisibleInReference(String reference) {
        return reference != null && reference.codePoints().anyMatch(ReceiptService::isFormatCharacter)
                ? Optional.of(new FieldError("reference", "receipt.reference.invisible")) : Optional.empty();
    }

    static boolean isFormatCharacter(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    private static String withoutFormatCharacters(String s) {
        StringBuilder kept = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isFormatCharacter(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
