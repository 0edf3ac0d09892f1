package com.lead2cash.bench.dataset;

import com.lead2cash.contract.ContractStatus;
import com.lead2cash.contract.Contracts;
import com.lead2cash.contract.MilestoneType;
import com.lead2cash.contract.RiskLevel;
import com.lead2cash.contract.internal.domain.Contract;
import com.lead2cash.contract.internal.domain.ContractLine;
import com.lead2cash.contract.internal.domain.ContractRules;
import com.lead2cash.contract.internal.domain.PaymentMilestone;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.quote.internal.QuoteRules;
import com.lead2cash.quote.internal.domain.Authority;
import com.lead2cash.quote.internal.domain.Quote;
import com.lead2cash.quote.internal.domain.QuoteActor;
import com.lead2cash.quote.internal.domain.QuoteLine;
import com.lead2cash.quote.internal.domain.QuoteTerms;
import com.lead2cash.quote.internal.domain.QuoteTotals;
import com.lead2cash.receivable.internal.ReceivableRules;
import com.lead2cash.receivable.internal.domain.AgingBucket;
import com.lead2cash.receivable.internal.domain.PaymentPlan;
import com.lead2cash.receivable.internal.domain.Receipt;
import com.lead2cash.receivable.internal.domain.ReceiptMethod;
import com.lead2cash.receivable.internal.domain.Receivable;
import com.lead2cash.receivable.internal.domain.ReceivableState;
import com.lead2cash.sop.PolicySnapshot;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What an opportunity leaves behind once it got past PROPOSAL (报价、合同、回款): one quote, in the state its
 * opportunity's stage implies (DRAFT/APPROVED/SENT in PROPOSAL, SENT or ACCEPTED in NEGOTIATION, ACCEPTED from
 * CONTRACT on, REJECTED or still SENT when lost); for a WON opportunity the contract drafted on the standard
 * template from the accepted quote, reviewed, approved and signed the moment the opportunity was won, its payment
 * plan (five milestones) and the receipts finance recorded against it up to the generator's today — paid, partly
 * paid, overdue in every aging bucket, written off, due today, planned, plus a few receipts not yet allocated and a
 * few reversed. The aggregates are made and moved by the product's own domain code (Quote, Contract, PaymentPlan,
 * Receivable, Receipt) and written with {@link AggregateRows}; only ids (and the numbers the sequences hand out)
 * are the generator's, so the data stays deterministic for a seed.
 */
public final class BenchDeals {

    /** The tables this writes (all in bulk). */
    public static final List<String> TABLES = List.of("quote_quote", "quote_line", "contract_contract", "contract_section",
            "contract_milestone", "contract_line", "contract_value", "contract_event", "receivable_plan",
            "receivable_receipt", "receivable_allocation");
    static final List<String> EVENT_COLUMNS = List.of("contract_id", "kind", "actor_id", "detail", "occurred_at");

    /** A catalogue product the quotes draw their lines from (the generator writes the catalogue first). */
    public record Product(UUID id, String code, String name, String specification, String unit, String productLine,
                          BigDecimal listPrice, BigDecimal taxRate) {
    }

    /** The template contracts are drafted on, as legal published it. */
    public record Template(UUID id, String code, int version, List<Contract.TemplateClause> clauses) {
    }

    /** The milestones of a contract: share of the amount, and days after signing it falls due (ReceivableBench's). */
    private static final MilestoneType[] TYPES = {MilestoneType.PREPAYMENT, MilestoneType.ON_DELIVERY,
        MilestoneType.INSTALLMENT, MilestoneType.ACCEPTANCE, MilestoneType.RETENTION};
    private static final int[] SHARES = {30, 30, 20, 15, 5};
    private static final int[] DAYS = {7, 60, 150, 210, 545};
    private static final String ACCEPTANCE_CONDITION = "验收合格后 30 日内";
    private static final String DELIVERY_STANDARD = "按双方确认的技术协议及国家现行标准交付";
    private static final String LIABILITY = "因不可抗力导致延期的，双方互不承担违约责任";
    private static final String[] ROADS = {"人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "科技园路", "滨江大道"};
    private static final ReceiptMethod[] METHODS = {ReceiptMethod.BANK_TRANSFER, ReceiptMethod.BANK_TRANSFER,
        ReceiptMethod.BANK_TRANSFER, ReceiptMethod.ACCEPTANCE_BILL, ReceiptMethod.CASH, ReceiptMethod.OTHER};

    private final Rows rows;
    private final AggregateRows aggregates;
    private final BenchOrg org;
    private final UUID finance;
    /** Each opportunity's deals draw on a stream of their own, from the seed and the opportunity's code. */
    private final long streamSeed;
    private SplittableRandom random;
    private final Instant now;
    private final LocalDate today;
    private final ZoneId zone;
    private final List<Product> products;
    private final Template template;
    private final String seller;
    private final QuoteRules quoteRules;
    private final ContractRules contractRules;
    private final ReceivableRules receivableRules;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final AuditRows audit;
    private long quoteSeq;
    private long contractSeq;
    private long receiptSeq;
    private long buyerSeq;
    private long nanos;

    public BenchDeals(PolicySnapshot policy, Rows rows, AggregateRows aggregates, BenchOrg org, SplittableRandom random,
                      Instant now, ZoneId zone, List<Product> products, Template template, String seller,
                      Deadlines deadlines, Notifications notifications) {
        this.rows = rows;
        this.audit = new AuditRows(rows);
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.aggregates = aggregates;
        this.org = org;
        this.finance = org.finance().id();
        this.streamSeed = random.nextLong();
        this.now = now;
        this.today = LocalDate.ofInstant(now, zone);
        this.zone = zone;
        this.products = products;
        this.template = template;
        this.seller = seller;
        this.quoteRules = policy.bind(QuoteRules.class);
        this.contractRules = policy.bind(ContractRules.class);
        this.receivableRules = policy.bind(ReceivableRules.class);
    }

    public long quotes() {
        return quoteSeq;
    }

    public long contracts() {
        return contractSeq;
    }

    public long receipts() {
        return receiptSeq;
    }

    /** Seconds spent making the deals (the domain code and the rows handed to COPY), for the generator's log. */
    public double seconds() {
        return nanos / 1e9;
    }

    /**
     * An opportunity as {@link BenchOpportunities} wrote it: {@code reached} is when it moved into each stage it
     * got to (LOST included), {@code stage} where it is now, {@code lostFrom} the stage it was lost from; {@code code}
     * its code (O-…).
     */
    public void write(UUID opportunity, String code, String name, UUID customer, String buyer, String buyerTaxId,
                      UUID owner, String productLine, Stage stage, Stage lostFrom, Map<Stage, Instant> reached) {
        if (reached.containsKey(Stage.PROPOSAL)) {
            // a stream per opportunity, so what one opportunity draws (which may depend on how close to "now" its
            // moves fall) never shifts what the next one draws
            random = new SplittableRandom(streamSeed ^ (code.hashCode() * 0x9E3779B97F4A7C15L));
            long started = System.nanoTime();
            quoteAndContract(opportunity, name, customer, buyer, buyerTaxId, owner, productLine, stage, reached);
            nanos += System.nanoTime() - started;
        }
    }

    private void quoteAndContract(UUID opportunity, String name, UUID customer, String buyer, String buyerTaxId,
                                  UUID owner, String productLine, Stage stage, Map<Stage, Instant> reached) {
        Instant proposal = reached.get(Stage.PROPOSAL);
        // the quote is written, approved and sent before the opportunity moves on
        Instant next = nextMove(reached, Stage.PROPOSAL);
        Instant drafted = between(proposal, next, 0.1);
        Instant sent = between(proposal, next, 0.3);
        int r = random.nextInt(100);
        Outcome outcome = switch (stage) {
            case PROPOSAL -> r < 15 ? Outcome.DRAFT : r < 30 ? Outcome.APPROVED : Outcome.SENT;
            case NEGOTIATION -> r < 70 ? Outcome.SENT : Outcome.ACCEPTED;
            case CONTRACT, WON -> Outcome.ACCEPTED;
            case LOST -> r < 60 ? Outcome.REJECTED : Outcome.SENT;
            default -> throw new IllegalArgumentException(stage.name());
        };
        // accepted before the contract stage (or, in NEGOTIATION, while negotiating); rejected before it was lost
        Instant answered = switch (outcome) {
            case ACCEPTED -> reached.containsKey(Stage.CONTRACT)
                    ? between(sent, reached.get(Stage.CONTRACT), 0.8) : between(sent, now, 0.5);
            case REJECTED -> between(sent, reached.getOrDefault(Stage.LOST, now), 0.7);
            default -> null;
        };
        Quote quote = quote(opportunity, customer, owner, productLine, outcome, drafted, sent, answered);
        if (stage != Stage.WON) {
            return;
        }
        Instant contractStage = reached.get(Stage.CONTRACT);
        Instant won = reached.get(Stage.WON);
        contract(quote, opportunity, name, customer, buyer, buyerTaxId, owner, contractStage, won);
    }

    private enum Outcome { DRAFT, APPROVED, SENT, ACCEPTED, REJECTED }

    // ---- quotes ----

    private Quote quote(UUID opportunity, UUID customer, UUID owner, String productLine, Outcome outcome,
                        Instant drafted, Instant sent, Instant answered) {
        LocalDate quotedOn = LocalDate.ofInstant(drafted, zone);
        List<Product> line = products.stream().filter(p -> p.productLine().equals(productLine)).toList();
        List<Product> pool = line.isEmpty() ? products : line;
        int n = 1 + random.nextInt(Math.min(3, pool.size()));
        int start = random.nextInt(pool.size());
        List<QuoteLine> lines = new ArrayList<>();
        // within the rep's own discount authority (Q2), so the quote is approved when submitted
        int maxCents = quoteRules.repMaxPercent().movePointRight(2).intValue();
        for (int i = 0; i < n; i++) {
            Product p = pool.get((start + i) % pool.size());
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20)).setScale(2);
            BigDecimal discount = random.nextInt(3) == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(random.nextInt(maxCents + 1), 2);
            lines.add(new QuoteLine(p.id(), p.code(), p.name(), p.specification(), p.unit(), p.listPrice(),
                    p.listPrice(), p.listPrice(), quantity, discount, p.taxRate(),
                    QuoteTotals.lineTotal(quantity, p.listPrice(), discount)));
        }
        BigDecimal maxDiscount = lines.stream().map(QuoteLine::effectiveDiscount).max(BigDecimal::compareTo).orElseThrow();
        Authority required = quoteRules.required(maxDiscount);
        QuoteTerms terms = new QuoteTerms(null, quotedOn.plusDays(30), "合同签订后 30 日内", "按合同约定的付款节点分期支付",
                null);
        String number = code("Q", ++quoteSeq, drafted);
        Quote q = Quote.draft(() -> number, opportunity, customer, owner, terms, lines, required, quotedOn, drafted);
        BenchIds.assign(q, "id", BenchIds.uuid7(drafted, random));
        AuditRows.Actor author = person(owner);
        AuditTrail trail = trail(q, drafted, author);
        if (outcome != Outcome.DRAFT) {
            Instant submitted = between(drafted, sent, 0.3);
            q.submit(Authority.REP, required, submitted);
            trail.saved(submitted, author);
            BenchOrg.Member manager = org.managerOf(owner);
            if (quoteRules.reviewBeforeSending() && manager != null) {
                Instant reviewed = between(drafted, sent, 0.7);
                q.review(new QuoteActor(manager.id(), true, true), null, reviewed);
                trail.saved(reviewed, person(manager.id()));
            }
        }
        if (outcome == Outcome.SENT || outcome == Outcome.ACCEPTED || outcome == Outcome.REJECTED) {
            q.sent(null, quoteRules.reviewBeforeSending() && org.managerOf(owner) != null, sent);
            trail.saved(sent, author);
        }
        if (answered != null) { // the customer answers through the confirmation's public link
            // as the customer answered it: while the opportunity was proposing, no other quote of it accepted
            q.answered(outcome == Outcome.ACCEPTED, false, answered);
            trail.saved(answered, CUSTOMER);
        }
        aggregates.write(rows, q, trail.version());
        return q;
    }

    // ---- contracts ----

    private void contract(Quote quote, UUID opportunity, String title, UUID customer, String buyer, String buyerTaxId,
                          UUID owner, Instant contractStage, Instant won) {
        Instant drafted = between(contractStage, won, 0.05);
        Instant revised = between(contractStage, won, 0.1);
        Instant submitted = between(contractStage, won, 0.2);
        // approved a few hours to two and a half days before it is signed (K3's window runs from the approval)
        Instant approved = between(contractStage, won, 0.6);
        Instant lateApproval = won.minus(Duration.ofHours(6 + random.nextInt(55)));
        if (lateApproval.isAfter(approved)) {
            approved = lateApproval;
        }
        Instant reviewed = between(submitted, approved, 0.8);
        LocalDate signedOn = LocalDate.ofInstant(won, zone);
        BigDecimal amount = quote.total();
        List<PaymentMilestone> milestones = new ArrayList<>();
        BigDecimal left = amount;
        for (int i = 0; i < TYPES.length; i++) {
            BigDecimal part = i == TYPES.length - 1 ? left
                    : amount.multiply(BigDecimal.valueOf(SHARES[i])).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            left = left.subtract(part);
            LocalDate due = signedOn.plusDays(DAYS[i] + random.nextInt(11) - 5);
            // no payment falls due before the contract was drafted (the product refuses it)
            if (due.isBefore(LocalDate.ofInstant(drafted, zone))) {
                due = LocalDate.ofInstant(drafted, zone);
            }
            // a payment falling due this week is, for some, due today: the workbench's "due today"
            if (!due.isBefore(today) && due.isBefore(today.plusDays(7)) && random.nextBoolean()) {
                due = today;
            }
            boolean onCondition = TYPES[i] == MilestoneType.ACCEPTANCE && due.isAfter(today) && random.nextInt(10) == 0;
            milestones.add(new PaymentMilestone(TYPES[i], part, onCondition ? null : due,
                    onCondition ? ACCEPTANCE_CONDITION : null));
        }
        List<ContractLine> lines = quote.lines().stream().map(l -> new ContractLine(l.productId(), l.productCode(),
                l.productName(), l.specification(), l.unit(), l.quantity(), l.unitPrice(), l.discountPercent(),
                l.lineTotal())).toList();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("quote.id", quote.id().toString());
        values.put("quote.number", quote.number());
        values.put("quote.deliveryPeriod", quote.deliveryPeriod());
        values.put("quote.paymentTerms", quote.paymentTerms());
        values.put("quote.total", com.lead2cash.contract.internal.domain.Placeholders.money(quote.total()));
        RiskLevel risk = random.nextInt(10) < 7 ? RiskLevel.LOW : random.nextInt(4) == 0 ? RiskLevel.HIGH : RiskLevel.MEDIUM;
        LocalDate termEnd = signedOn.plusYears(1 + random.nextInt(3)).minusDays(1);
        String number = code("HT", ++contractSeq, drafted);
        Contract c = Contract.draft(new Contract.Draft(title, opportunity, customer, quote.id(), template.id(),
                template.version(), owner, amount, risk, signedOn, termEnd, buyer, null, seller, template.clauses(), values,
                milestones, lines), number, owner, contractRules.keptUntil(LocalDate.ofInstant(drafted, zone)),
                LocalDate.ofInstant(drafted, zone), drafted);
        BenchIds.assign(c, "id", BenchIds.uuid7(drafted, random));
        AuditRows.Actor drafter = person(owner);
        AuditTrail trail = trail(c, drafted, drafter);
        // the drafter completes the buyer's particulars the template's parties clause asks for
        String taxId = buyerTaxId != null ? buyerTaxId : ChineseData.company(BUYER_BAND + buyerSeq++).uscc();
        String address = ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(999)) + "号";
        String representative = ChineseData.person(random).name();
        c.revise(new Contract.Terms(null, null, null, signedOn, termEnd, null, taxId, address, representative, null),
                LocalDate.ofInstant(drafted, zone), revised);
        trail.saved(revised, drafter);
        // without negotiation minutes confirmed by the customer the drafter writes what the minutes would have filled
        Instant edited = between(contractStage, won, 0.15);
        List<String> editedKeys = new ArrayList<>();
        for (com.lead2cash.contract.internal.domain.ContractSection section : List.copyOf(c.sections())) {
            if (section.unfilled()) {
                String body = section.body().replace("{{minutes.deliveryStandard}}", DELIVERY_STANDARD)
                        .replace("{{minutes.liability}}", LIABILITY);
                c.editSection(section.sectionKey(), null, body, edited);
                trail.saved(edited, drafter);
                editedKeys.add(section.sectionKey());
            }
        }
        int round;
        try {
            round = c.submit(LocalDate.ofInstant(drafted, zone), submitted);
        } catch (com.lead2cash.platform.FieldValidationException e) {
            throw new IllegalStateException("contract " + number + " refused on submission: " + e.errors() + " "
                    + c.sections().stream().filter(com.lead2cash.contract.internal.domain.ContractSection::unfilled)
                    .map(com.lead2cash.contract.internal.domain.ContractSection::body).toList(), e);
        }
        String copySha = BenchIds.sha256(number + " R" + round);
        c.reviewCopy(BenchIds.uuid7(submitted, random), copySha);
        trail.saved(submitted, drafter);
        // the approval flows end in listeners, outside any request
        c.reviewsPassed(reviewed);
        trail.saved(reviewed, AuditRows.Actor.SYSTEM);
        c.approved(approved);
        trail.saved(approved, AuditRows.Actor.SYSTEM);
        String signatories = representative + "；" + org.member(owner).displayName();
        UUID scan = BenchIds.uuid7(won, random);
        String scanSha = BenchIds.sha256(number + " scan");
        c.sign(signedOn, signatories, scan, owner, signedOn, LocalDate.ofInstant(approved, zone), won);
        c.keepUntil(contractRules.keptUntil(signedOn));
        trail.saved(won, drafter);
        // K3: signing, from the approval to the signature; K4: archiving, from the signature, which the owner does
        // within its window for most contracts (the key data on record, where the original is kept)
        Deadlines.Deadline signing = deadlines.open(ContractRules.SIGNING, CONTRACT, c.id().toString(), owner, approved);
        signing.meet(won);
        signing.write();
        Deadlines.Deadline archiving = deadlines.open(ContractRules.ARCHIVING, CONTRACT, c.id().toString(), owner, won);
        Instant archived = null;
        if (random.nextInt(100) < 85) {
            Instant by = archiving.due().isAfter(won) ? archiving.due() : won.plus(Duration.ofHours(2));
            archived = between(won, by, 0.2 + 0.7 * random.nextDouble());
            if (archived.isAfter(now) || !archived.isAfter(won)) {
                archived = null;
            }
        }
        String location = null;
        if (archived != null) {
            c.archive("档案室 " + (char) ('A' + random.nextInt(6)) + " 柜 " + (1 + random.nextInt(40)) + " 格", owner,
                    archived);
            location = c.archiveLocation();
            trail.saved(archived, drafter);
            archiving.meet(archived);
        }
        archiving.write();
        aggregates.write(rows, c, trail.version());
        UUID id = c.id();
        event(id, "DRAFTED", owner, template.code() + " v" + template.version(), drafted);
        for (String key : editedKeys) {
            event(id, "SECTION_EDITED", owner, key, edited);
        }
        event(id, "SUBMITTED", owner, "R" + round + " sha256 " + copySha, submitted);
        event(id, "REVIEWS_PASSED", null, null, reviewed);
        event(id, "APPROVED", null, "sha256 " + copySha, approved);
        event(id, "SIGNED", owner, signedOn + " " + signatories + " sha256 " + scanSha, won);
        if (archived != null) {
            event(id, "ARCHIVED", owner, location, archived);
        }
        plan(c, signedOn, won.plus(Duration.ofSeconds(1 + random.nextInt(30))));
    }

    private void event(UUID contract, String kind, UUID actor, String detail, Instant at) {
        rows.insert("contract_event", EVENT_COLUMNS, contract, kind, actor, detail, at);
    }

    /** Buyer credit codes the drafter entered for customers without one on record: company indexes clear of all others. */
    static final long BUYER_BAND = 5_000_000;

    // ---- payment plans and receipts ----

    /**
     * The payment plan made when the contract was signed, and its life to today: each plan due in the past is
     * paid (1–3 receipts around its due date), or still overdue — the likelier the younger it is (P2's buckets) and
     * half of those paid in part — or, rarely, written off; plans not yet due are planned, a few paid in part ahead.
     * The reminder (P1) went out when its time came, opening the rep's deadline (met when they confirm or the plan is
     * paid, cancelled when written off), overdue plans were escalated as far as their bucket calls for, each level
     * told; the deadlines' own reminders, breaches and notifications are {@link Deadlines}'.
     */
    private void plan(Contract c, LocalDate signedOn, Instant planned) {
        List<Contracts.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < c.milestones().size(); i++) {
            PaymentMilestone m = c.milestones().get(i);
            milestones.add(new Contracts.Milestone(i + 1, m.type(), m.amount(), m.dueDate(), m.dueCondition()));
        }
        Contracts.SignedContract signed = new Contracts.SignedContract(c.id(), c.number(), c.title(), ContractStatus.SIGNED,
                c.customerId(), c.opportunityId(), c.quoteId(), c.ownerId(), c.buyerName(), c.buyerTaxId(),
                c.sellerName(), c.amount(), c.currency(), c.createdAt(), signedOn, c.termStart(), c.termEnd(), milestones,
                List.of(), List.of());
        List<Receivable> plans = PaymentPlan.of(signed, due -> remindAt(due, planned), signedOn, planned);
        List<Receipt> receipts = new ArrayList<>();
        for (Receivable p : plans) {
            BenchIds.assign(p, "id", BenchIds.uuid7(planned, random));
            Life life = new Life(p, planned);
            pay(life, c, signedOn, receipts);
            life.remindUntil(now);
            life.settle(now);
            if (p.refresh(today)) { // the routine's state change on the due date (or the day after it)
                LocalDate changed = p.state() == ReceivableState.OVERDUE ? p.dueDate().plusDays(1) : p.dueDate();
                life.trail.saved(changed.atTime(ROUTINE_HOUR, 0).atZone(zone).toInstant(), AuditRows.Actor.SYSTEM);
            }
            if (p.state() == ReceivableState.OVERDUE) {
                life.escalate(today);
            }
            if (life.reminder != null) {
                life.reminder.write();
            }
            aggregates.write(rows, p, life.trail.version());
        }
        for (Receipt r : receipts) { // recorded, then allocated or reversed: saved twice
            aggregates.write(rows, r, 1);
        }
        // money in the bank from this customer not yet matched to a plan (the workbench's list)
        if (random.nextInt(100) < 2 && signedOn.isBefore(today.minusDays(1))) {
            LocalDate on = today.minusDays(random.nextInt((int) Math.min(60, ChronoUnit.DAYS.between(signedOn, today))));
            Receipt r = receipt(c, BigDecimal.valueOf(5_000L + random.nextInt(300) * 100L), on);
            trail(r, r.recordedAt(), person(finance));
            aggregates.write(rows, r, 0);
        }
    }

    /**
     * One plan on its way to today, with what the routine and the people did to it: its saves (the version), the
     * P1 deadline the reminder opened and when the rep confirmed reminding the customer.
     */
    private final class Life {
        final Receivable plan;
        final AuditTrail trail;
        Deadlines.Deadline reminder;
        Instant confirmed;

        /** A plan made by the listener of ContractSigned, outside any request. */
        Life(Receivable plan, Instant planned) {
            this.plan = plan;
            this.trail = trail(plan, planned, AuditRows.Actor.SYSTEM);
        }

        /**
         * P1 — CollectionRoutine.remind: once the reminder's time has come (by {@code t}) the rep is told and owns the
         * deadline to remind the customer; most confirm within two days (ReceivablePlanning.customerReminded).
         */
        void remindUntil(Instant t) {
            Instant at = plan.remindAt();
            if (at == null || at.isAfter(t) || at.isAfter(now)) {
                return;
            }
            plan.reminded(at);
            trail.saved(at, AuditRows.Actor.SYSTEM);
            reminder = deadlines.open(ReceivableRules.REMINDER, SUBJECT, plan.id().toString(), plan.ownerId(), at);
            notifications.send(plan.ownerId(), "receivable.reminder", "receivable.notify.reminder",
                    "/receivables/" + plan.id(), false, at, plan.contractNumber(), plan.outstanding().toPlainString(),
                    plan.dueDate());
            if (random.nextInt(100) < 75) {
                confirmed = at.plus(Duration.ofMinutes(30 + random.nextInt(48 * 60)));
            }
        }

        /** The rep's confirmation, when it came by {@code t}. */
        void settle(Instant t) {
            if (reminder != null && confirmed != null && !confirmed.isAfter(t) && !confirmed.isAfter(now)) {
                reminder.meet(confirmed);
                confirmed = null;
            }
        }

        /** A receipt allocated at {@code at} paid the plan in full: its reminder deadline is met (ReceiptService). */
        void paid(Instant at) {
            settle(at);
            if (reminder != null && plan.state() == ReceivableState.PAID) {
                reminder.meet(at);
            }
        }

        /**
         * P2 — CollectionRoutine.escalate, day by day up to {@code day}: on the first day of the owner's, the manager's
         * and the director's bucket the plan is escalated and the new levels told (urgent).
         */
        void escalate(LocalDate day) {
            long overdue = ChronoUnit.DAYS.between(plan.dueDate(), day);
            long[] firsts = {1, firstDayOf(receivableRules.managerFromBucket()),
                firstDayOf(receivableRules.directorFromBucket())};
            java.util.Arrays.sort(firsts);
            for (long first : firsts) {
                if (first > overdue) {
                    break;
                }
                int level = receivableRules.escalationLevel(receivableRules.bucket(first));
                if (level <= plan.escalationLevel()) {
                    continue;
                }
                Instant at = plan.dueDate().plusDays(first).atTime(ROUTINE_HOUR, 0).atZone(zone).toInstant();
                java.util.Set<UUID> told = new java.util.LinkedHashSet<>();
                for (int l = plan.escalationLevel() + 1; l <= level; l++) {
                    for (UUID person : recipients(l)) {
                        if (told.add(person)) {
                            notifications.send(person, "receivable.overdue", "receivable.notify.overdue",
                                    "/receivables/" + plan.id(), true, at, plan.contractNumber(),
                                    plan.outstanding().toPlainString(), first);
                        }
                    }
                }
                plan.escalatedTo(level);
                trail.saved(at, AuditRows.Actor.SYSTEM);
            }
        }

        private List<UUID> recipients(int level) {
            return switch (level) {
                case 1 -> List.of(plan.ownerId());
                case 2 -> {
                    BenchOrg.Member manager = org.managerOf(plan.ownerId());
                    yield manager == null ? List.of() : List.of(manager.id());
                }
                default -> List.of(org.director().id());
            };
        }
    }

    /** The routine's run the generator places its reminders and escalations at, in the company's morning. */
    private static final int ROUTINE_HOUR = 8;
    private static final String SUBJECT = "Receivable";
    private static final String CONTRACT = "Contract";

    /** CollectionRoutine.firstDayOf: the first day overdue of bucket {@code n} (1–4). */
    private long firstDayOf(int n) {
        return switch (n) {
            case 1 -> 1;
            case 2 -> receivableRules.bucket1Days() + 1L;
            case 3 -> receivableRules.bucket2Days() + 1L;
            default -> receivableRules.bucket3Days() + 1L;
        };
    }

    /** What happened to one plan up to today: receipts (and a reversed duplicate now and then), a write-off. */
    private void pay(Life life, Contract c, LocalDate signedOn, List<Receipt> receipts) {
        Receivable p = life.plan;
        LocalDate due = p.dueDate();
        int h = random.nextInt(10_000);
        if (due == null || due.isAfter(today) || due.equals(today)) {
            if (h < 300 && signedOn.isBefore(today)) { // paid in part ahead of the due date
                BigDecimal half = p.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                collect(life, c, half, between(signedOn, today), receipts);
            }
            return;
        }
        long days = ChronoUnit.DAYS.between(due, today);
        AgingBucket bucket = receivableRules.bucket(days);
        int overdueOdds = switch (bucket) {
            case B1 -> 4000;
            case B2 -> 3000;
            case B3 -> 2500;
            case B4 -> 1150;
        };
        if (h < overdueOdds) { // still owed: half of them paid in part
            if (h % 2 == 0) {
                BigDecimal part = p.amount().multiply(BigDecimal.valueOf(1 + h % 5)).divide(BigDecimal.TEN, 2,
                        RoundingMode.HALF_UP);
                collect(life, c, part, between(due.minusDays(5), today.minusDays(1), signedOn), receipts);
            }
            return;
        }
        if (h >= 9950 && days > receivableRules.bucket3Days()) { // written off once long overdue, a third paid
            BigDecimal part = p.amount().multiply(BigDecimal.valueOf(3)).divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
            collect(life, c, part, between(due.minusDays(5), due.plusDays(20), signedOn), receipts);
            LocalDate writtenOff = due.plusDays(receivableRules.bucket3Days() + 1 + random.nextInt(30));
            if (writtenOff.isAfter(today)) {
                writtenOff = today;
            }
            Instant at = writtenOff.atTime(16, 0).atZone(zone).toInstant();
            life.remindUntil(at);
            life.settle(at);
            if (p.refresh(writtenOff)) {
                life.trail.saved(p.dueDate().plusDays(1).atTime(ROUTINE_HOUR, 0).atZone(zone).toInstant(),
                        AuditRows.Actor.SYSTEM);
            }
            life.escalate(writtenOff);
            p.writeOff("客户破产清算，经财务确认无法收回", at);
            life.trail.saved(at, person(finance));
            if (life.reminder != null) { // ReceivablePlanning.writeOff cancels the reminder
                life.reminder.cancel(at);
            }
            return;
        }
        // paid in full: one to three receipts from a few days before the due date to a few weeks after
        int k = 1 + random.nextInt(3);
        BigDecimal each = p.amount().divide(BigDecimal.valueOf(k), 2, RoundingMode.DOWN);
        LocalDate on = between(due.minusDays(5), due.plusDays(10), signedOn);
        for (int i = 0; i < k; i++) {
            BigDecimal part = i == k - 1 ? p.amount().subtract(p.paidAmount()) : each;
            collect(life, c, part, on, receipts);
            on = on.plusDays(1 + random.nextInt(10));
            if (!on.isBefore(today)) {
                on = today.minusDays(1);
            }
        }
    }

    /** Finance records a receipt of {@code part} on {@code on} and allocates it to the plan at once. */
    private void collect(Life life, Contract c, BigDecimal part, LocalDate on, List<Receipt> receipts) {
        Receivable p = life.plan;
        Receipt r = receipt(c, part, on);
        life.remindUntil(r.recordedAt());
        AuditTrail receiptTrail = trail(r, r.recordedAt(), person(finance));
        Instant allocated = r.recordedAt().plus(Duration.ofMinutes(30 + random.nextInt(240)));
        r.allocate(p, part, finance, on, allocated);
        life.trail.saved(allocated, person(finance));
        receiptTrail.saved(allocated, person(finance));
        life.paid(allocated);
        receipts.add(r);
        if (random.nextInt(1000) < 7) { // recorded twice by mistake, the duplicate reversed the same day
            Receipt duplicate = receipt(c, part, on);
            AuditTrail duplicateTrail = trail(duplicate, duplicate.recordedAt(), person(finance));
            Instant reversed = duplicate.recordedAt().plus(Duration.ofHours(5));
            duplicate.reverse("重复登记", Map.of(), finance, on, reversed);
            duplicateTrail.saved(reversed, person(finance));
            receipts.add(duplicate);
        }
    }

    private Receipt receipt(Contract c, BigDecimal amount, LocalDate on) {
        Instant recorded = on.atTime(10, random.nextInt(60)).atZone(zone).toInstant();
        Receipt r = Receipt.record(code("SK", ++receiptSeq, recorded), c.customerId(), amount, on,
                METHODS[random.nextInt(METHODS.length)], c.buyerName(), "BR" + receiptSeq, finance, recorded);
        BenchIds.assign(r, "id", BenchIds.uuid7(recorded, random));
        return r;
    }

    /** P1 — as ReceivablePlanning: none when the due day has begun by planning time. */
    private Instant remindAt(LocalDate due, Instant planned) {
        if (due == null || !due.atStartOfDay(zone).toInstant().isAfter(planned)) {
            return null;
        }
        return receivableRules.remindAt(due, zone);
    }

    // ---- the audit trail ----

    /** A customer answering a quote through its public link: no user, the request's address. */
    private static final AuditRows.Actor CUSTOMER = new AuditRows.Actor(null, "system", "203.0.113.45");

    private AuditRows.Actor person(UUID id) {
        return AuditRows.Actor.of(org.member(id));
    }

    /** The aggregate's audit trail from its creation at {@code at} by {@code actor}. */
    private AuditTrail trail(Object aggregate, Instant at, AuditRows.Actor actor) {
        return new AuditTrail(audit, aggregates, aggregate, idOf(aggregate), at, actor);
    }

    private static Object idOf(Object aggregate) {
        if (aggregate instanceof Quote q) {
            return q.id();
        }
        if (aggregate instanceof Contract c) {
            return c.id();
        }
        if (aggregate instanceof Receivable r) {
            return r.id();
        }
        return ((Receipt) aggregate).id();
    }

    // ---- helpers ----

    private static Instant nextMove(Map<Stage, Instant> reached, Stage from) {
        Instant next = null;
        for (Map.Entry<Stage, Instant> e : reached.entrySet()) {
            if (e.getValue().isAfter(reached.get(from)) && (next == null || e.getValue().isBefore(next))) {
                next = e.getValue();
            }
        }
        return next;
    }

    /** A moment {@code share} of the way from {@code from} to {@code to} (to now when open-ended, at most now). */
    private Instant between(Instant from, Instant to, double share) {
        Instant end = to == null || to.isAfter(now) ? now : to;
        long span = Math.max(0, Duration.between(from, end).toMillis());
        return from.plusMillis((long) (span * share)).truncatedTo(ChronoUnit.MICROS);
    }

    /** A day from {@code from} to {@code to} (inclusive), never before {@code notBefore} nor from today on. */
    private LocalDate between(LocalDate from, LocalDate to, LocalDate notBefore) {
        LocalDate a = from.isBefore(notBefore) ? notBefore : from;
        LocalDate b = to.isBefore(today) ? to : today.minusDays(1);
        if (b.isBefore(a)) {
            return a.isBefore(today) ? a : today.minusDays(1);
        }
        return a.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(a, b) + 1));
    }

    private LocalDate between(LocalDate from, LocalDate toExclusive) {
        long span = ChronoUnit.DAYS.between(from, toExclusive);
        return span <= 0 ? from : from.plusDays(random.nextLong(span));
    }

    private String code(String prefix, long n, Instant at) {
        return "%s-%d-%06d".formatted(prefix, at.atZone(zone).getYear(), n);
    }
}
