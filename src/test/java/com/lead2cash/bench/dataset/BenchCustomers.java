package com.lead2cash.bench.dataset;

import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.customer.CustomerGrade;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.internal.ActivityRules;
import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.CustomerHistory;
import com.lead2cash.customer.internal.CustomerOwnership;
import com.lead2cash.customer.internal.CustomerRegions;
import com.lead2cash.customer.internal.domain.Activity;
import com.lead2cash.customer.internal.domain.ActivityDraft;
import com.lead2cash.customer.internal.domain.ActivityType;
import com.lead2cash.customer.internal.domain.Contact;
import com.lead2cash.customer.internal.domain.ContactDetails;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.customer.internal.domain.CustomerRules;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.customer.internal.domain.FollowUpCadence;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.customer.internal.domain.PrivateHolding;
import com.lead2cash.customer.internal.domain.PursuitMode;
import com.lead2cash.sop.PolicySnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Customers (客户) that did not come from a lead — the company's existing accounts, public-pool
 * companies, referrals — with their contacts (联系人), follow-ups (跟进记录) and opportunities (商机), in
 * every lifecycle state the customer module knows, spread over the three years.
 *
 * <p>Each customer lives its life through the product's own aggregate: {@code Customer.register} (the region
 * resolved to its division as the product resolves it), a follow-up by its owner ({@code recordFollowUp}, each
 * with its {@code Activity}) every so often within its cadence (C2), the lifecycle's steps at follow-ups,
 * signing, delivery, loss. A customer in development whose owner let its cadence lapse returns to the public
 * pool as the C7 sweep returns it (at its {@code lapsesAt}); one its owner has no room for (C7's holding limit)
 * is released to the pool by hand; some of the pool's were later claimed again. The rows written are the
 * aggregate's as Spring Data JDBC stores them ({@link AggregateRows}). Names never repeat a lead's.
 *
 * Each step writes the customer's story as the product's services record it ({@code CustomerHistory}: created or
 * converted, each status change with who made it, claimed, lapsed or released to the pool) and a return to the
 * pool its release record ({@code customer_pool_release}, which a later claim's cooldown reads).
 *
 * <p>Its deadlines are the ones the SOP engine keeps for it ({@code CadenceDeadlines}, {@code ActivityService}):
 * each change of its follow-up schedule meets (a follow-up) or cancels (a status change, the pool) the running
 * follow-up deadline (C2) and opens the next, so a customer leaves a trail of them with the reminders and
 * breaches the sweep sent; each follow-up has its C4 deadline, met when it was logged two hours after it
 * happened, and a demo or negotiation its C5, met by the minutes written with it.
 *
 * <p>Each save of a customer, and the creation of each contact and follow-up, leaves its audit entries as
 * {@code AggregateAuditListener} writes them (by the rep, or the system for the C7 sweep).
 */
public final class BenchCustomers {

    private static final CustomerStatus[] STATUSES = {CustomerStatus.PROSPECT, CustomerStatus.PROSPECT,
        CustomerStatus.PROSPECT, CustomerStatus.INITIAL_CONTACT, CustomerStatus.INITIAL_CONTACT,
        CustomerStatus.NEEDS_CONFIRMED, CustomerStatus.OPPORTUNITY, CustomerStatus.SIGNED, CustomerStatus.SIGNED,
        CustomerStatus.DELIVERED, CustomerStatus.ACTIVE, CustomerStatus.ACTIVE, CustomerStatus.LOST};
    private static final CustomerGrade[] GRADES = {CustomerGrade.A, CustomerGrade.B, CustomerGrade.B, CustomerGrade.C,
        CustomerGrade.C, CustomerGrade.C};
    private static final String[] ROLES = {"DECISION_MAKER", "INFLUENCER", "USER", "USER", null};
    private static final CustomerSource[] SOURCES = {CustomerSource.REFERRAL, CustomerSource.PARTNER,
        CustomerSource.CHANNEL, CustomerSource.PUBLIC_INFORMATION, CustomerSource.RESEARCH, CustomerSource.OTHER};
    private static final ActivityType[] TYPES = ActivityType.values();
    private static final String[] LOST_REASONS = {"选择了竞争对手的方案", "预算取消", "项目无限期搁置", "联系人离职，需求不再推进"};
    private static final String[] RELEASE_REASONS = {"客户暂无采购计划", "名额已满，让给同事跟进", "多次联系不上关键人"};
    static final String EVENT_TABLE = "customer_event";
    static final List<String> EVENT_COLUMNS = List.of("customer_id", "occurred_at", "actor_id", "message_key", "args");
    static final String RELEASE_TABLE = "customer_pool_release";
    static final List<String> RELEASE_COLUMNS = List.of("customer_id", "previous_owner_id", "released_at", "reason");
    /** Follow-ups are logged this long after they happened (within C4's window). */
    private static final Duration LOGGED_AFTER = Duration.ofHours(2);
    /** The C7 sweep runs every few minutes: a lapsed customer leaves its owner this long after its lapse. */
    private static final Duration SWEEP_LAG = Duration.ofMinutes(3);

    private final BenchOrg org;
    private final Rows rows;
    private final AggregateRows aggregates;
    private final Deadlines deadlines;
    private final CustomerRegions regions;
    private final SplittableRandom random;
    private final Instant now;
    private final ZoneId zone;
    private final BenchOpportunities pipeline;
    private final CustomerRules rules;
    private final FollowUpCadence cadence;
    private final PrivateHolding holding;
    /** Customers in development each rep holds at the end of generation (C7's holding limit). */
    private final Map<UUID, Integer> held = new HashMap<>();
    private final AuditRows audit;
    private final int followUps;
    /** The chance that a customer in development stays with its owner (given room under the limit). */
    private final double keep;
    private long activities;

    /** Quotes, contracts and receivables of the opportunities written from now on (see {@link BenchDeals}). */
    public BenchCustomers deals(BenchDeals deals) {
        pipeline.deals(deals);
        return this;
    }

    /**
     * @param expectedCustomers customers of the size, converted ones included: how many a rep may keep in
     *                          development decides how many of them stay with their owner
     * @param followUps         follow-ups a customer has on average
     */
    public BenchCustomers(BenchOrg org, PolicySnapshot policy, Rows rows, AggregateRows aggregates, Deadlines deadlines,
                          CustomerRegions regions, SplittableRandom random, Instant now, ZoneId zone,
                          long expectedCustomers, int followUps) {
        this.pipeline = BenchOpportunities.of(policy, rows, random, now, zone);
        this.org = org;
        this.rows = rows;
        this.aggregates = aggregates;
        this.audit = new AuditRows(rows);
        this.deadlines = deadlines;
        this.regions = regions;
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.rules = policy.bind(CustomerRules.class);
        this.cadence = rules.cadence(zone);
        this.holding = rules.holding(zone);
        this.followUps = followUps;
        // about four fifths of the holding limit kept by each rep at the end, whatever the size
        long developing = expectedCustomers * count(CustomerStatus::inDevelopment) / STATUSES.length;
        this.keep = Math.min(0.9, 0.8 * rules.maxPrivateCustomers() * org.reps().size() / Math.max(1.0, developing));
    }

    /**
     * A customer converted from a lead, registered as the lead module registers it
     * ({@code CustomerDirectory.register}: at INITIAL_CONTACT with the lead's grade, source and code), then
     * living its life as the others do; {@code contact} is the contact the conversion added.
     */
    public void converted(UUID id, String code, String name, String uscc, String industry, String region, String source,
                          String leadCode, String grade, UUID owner, UUID contact, Instant at) {
        Customer customer = register(id, code, CustomerProfile.validated(name, uscc, industry, null, region, null, null,
                null, CustomerSource.of(source)), leadCode, CustomerGrade.valueOf(grade), CustomerStatus.INITIAL_CONTACT,
                owner, owner, at);
        CustomerStatus target = STATUSES[random.nextInt(STATUSES.length)];
        live(customer, owner, contact, target == CustomerStatus.PROSPECT ? CustomerStatus.INITIAL_CONTACT : target);
    }

    /**
     * A contact (联系人) as {@code Contact.add} makes it, added by {@code by}; the customer's first is its primary
     * contact, as the contact service makes the first one.
     */
    public UUID contact(UUID customer, String name, String title, String phone, String email, String role,
                        boolean primary, UUID by, Instant at) {
        Contact contact = Contact.add(customer, ContactDetails.validated(name, title, null, phone, email, null,
                DecisionRole.of(role), null, null), primary, at);
        UUID id = BenchIds.uuid7(at, random);
        BenchIds.assign(contact, "id", id);
        aggregates.write(rows, contact, 0L);
        audit.created(at, person(by), "Contact", id, aggregates.auditCreation(contact));
        return id;
    }

    /** Someone of the organisation, as the audit trail names them. */
    private AuditRows.Actor person(UUID id) {
        return AuditRows.Actor.of(org.member(id));
    }

    /**
     * A customer registered now through the API ({@code POST /api/v1/customers}: a prospect with its grade and
     * no factors, held by {@code owner}) as this generator registers it, with its running follow-up deadline: for
     * the sample check, which compares it with the customer the product stored.
     */
    public void registered(UUID id, String code, String name, String uscc, String industry, String region,
                           String source, String grade, UUID owner, UUID createdBy, Instant at) {
        Customer customer = register(id, code, CustomerProfile.validated(name, uscc, industry, null, region, null, null,
                null, CustomerSource.of(source)), null, CustomerGrade.valueOf(grade), CustomerStatus.PROSPECT, owner,
                createdBy, at);
        aggregates.write(rows, customer, new AuditTrail(audit, aggregates, customer, id, at, person(createdBy)).version());
        firstCadence(customer).write();
    }

    /** As {@code CustomerService.register}: the region resolved, the aggregate registered, its cadence started. */
    private Customer register(UUID id, String code, CustomerProfile profile, String leadCode, CustomerGrade grade,
                              CustomerStatus status, UUID owner, UUID createdBy, Instant at) {
        Customer customer = Customer.register(code, regions.resolve(profile), leadCode, grade, GradeFactors.UNKNOWN, null,
                status, owner, createdBy, at);
        BenchIds.assign(customer, "id", id);
        customer.reschedule(cadence, at, true);
        history(id, at, createdBy, leadCode != null ? "customer.history.converted" : "customer.history.created", leadCode,
                customer.grade());
        return customer;
    }

    /** An entry of the customer's story, as {@code CustomerHistory.record} writes it. */
    private void history(UUID customer, Instant at, UUID actor, String key, Object... args) {
        rows.insert(EVENT_TABLE, EVENT_COLUMNS, customer, at, actor, key, CustomerHistory.joined(args));
    }

    /** A status change as {@code CustomerService} and {@code ActivityService} record it. */
    private void statusChanged(Customer customer, CustomerStatus before, Instant at, UUID actor, String reason) {
        history(customer.id(), at, actor, "customer.history.status", "#customer.status." + before,
                "#customer.status." + customer.status(), reason);
    }

    /** Lives from its registration until now, towards {@code target}; then it is stored. */
    private void live(Customer customer, UUID rep, UUID contact, CustomerStatus target) {
        Life life = new Life(customer, rep, contact);
        life.live(target, random.nextDouble() < keep);
        aggregates.write(rows, customer, life.trail.version());
        if (life.running != null) {
            life.running.write();
        }
    }

    /** The follow-up deadline (C2) a registration opens, as {@code CadenceDeadlines.registered} opens it. */
    private Deadlines.Deadline firstCadence(Customer customer) {
        return customer.cadenceRule() == null ? null : deadlines.openUntil(customer.cadenceRule(),
                CustomerAccess.SUBJECT, customer.id().toString(), customer.ownerId(), customer.cadenceAnchorAt(),
                customer.followUpDueAt());
    }

    /** How many of the statuses customers are drawn from are of this kind. */
    private static long count(java.util.function.Predicate<CustomerStatus> kind) {
        return java.util.Arrays.stream(STATUSES).filter(kind).count();
    }

    /** Follow-ups written so far. */
    public long activities() {
        return activities;
    }

    /**
     * Writes {@code customers} customers with {@code contacts} contacts and {@code opportunities}
     * opportunities among them; names start at company index {@code firstCompany}, codes after
     * {@code codesUsed} customer and {@code opportunityCodesUsed} opportunity codes.
     */
    public void write(long customers, long contacts, long opportunities, long firstCompany, long codesUsed,
                      long opportunityCodesUsed, long firstPhone) {
        Instant start = now.minus(Duration.ofDays(3 * 365));
        long span = Duration.between(start, now).toMillis();
        List<Member> reps = org.reps();
        long contactsLeft = contacts;
        long opportunitiesLeft = opportunities;
        long phone = firstPhone;
        for (long k = 0; k < customers; k++) {
            Member owner = reps.get(random.nextInt(reps.size()));
            Instant created = start.plusMillis(span * k / Math.max(1, customers));
            Instant hired = owner.hireDate().atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
            if (created.isBefore(hired)) {
                created = hired.isAfter(now) ? now : hired;
            }
            ChineseData.Company company = ChineseData.company(firstCompany + k);
            UUID id = BenchIds.uuid7(created, random);
            CustomerStatus target = STATUSES[random.nextInt(STATUSES.length)];
            String uscc = random.nextInt(10) < 9 ? company.uscc() : null;
            Customer customer = register(id, "C-%d-%06d".formatted(created.atZone(zone).getYear(), codesUsed + k + 1),
                    CustomerProfile.validated(company.name(), uscc, company.industry(), null, company.city().province(),
                            null, null, null, SOURCES[random.nextInt(SOURCES.length)]),
                    null, GRADES[random.nextInt(GRADES.length)], CustomerStatus.PROSPECT, owner.id(), owner.id(), created);
            long remaining = customers - k;
            long n = Math.max(1, Math.round((double) contactsLeft / remaining + random.nextInt(3) - 1));
            UUID firstContact = null;
            for (int c = 0; c < n && contactsLeft > 0; c++, contactsLeft--) {
                ChineseData.Person person = ChineseData.person(random);
                String number = random.nextInt(10) < 8 ? ChineseData.mobile(phone++, random.nextInt(4))
                        : ChineseData.landline(company.city(), phone++);
                String email = random.nextInt(10) < 7 ? person.emailLocal() + "@" + company.domain() : null;
                UUID contact = contact(id, person.name(), ChineseData.TITLES.get(random.nextInt(ChineseData.TITLES.size())),
                        number, email, ROLES[random.nextInt(ROLES.length)], firstContact == null, owner.id(), created);
                firstContact = firstContact == null ? contact : firstContact;
            }
            live(customer, owner.id(), firstContact, target);
            if (opportunitiesLeft > 0 && random.nextDouble() < (double) opportunitiesLeft / remaining) {
                opportunitiesLeft--;
                Instant opened = created.plus(Duration.ofDays(random.nextInt(60)));
                if (opened.isAfter(now)) {
                    opened = now;
                }
                UUID opportunity = BenchIds.uuid7(opened, random);
                String code = "O-%d-%06d".formatted(opened.atZone(zone).getYear(),
                        opportunityCodesUsed + (opportunities - opportunitiesLeft));
                String line = ChineseData.PRODUCT_LINES.get(random.nextInt(ChineseData.PRODUCT_LINES.size()));
                String name = company.name() + " · " + line;
                pipeline.write(opportunity, code, id, name, BigDecimal.valueOf(50_000L + random.nextInt(300) * 10_000L),
                        owner.id(), null, line, opened, company.name(), uscc);
            }
        }
    }

    /** One customer's life from its registration until now, through the aggregate's own transitions. */
    private final class Life {
        private final Customer customer;
        private final UUID rep;
        private final UUID contact;
        /** Its saves' audit entries; their count gives the stored version. */
        private final AuditTrail trail;
        private int logged;
        private Instant at;
        /** The follow-up deadline (C2) running for it, written when it is settled or at the end. */
        private Deadlines.Deadline running;

        Life(Customer customer, UUID rep, UUID contact) {
            this.customer = customer;
            this.rep = rep;
            this.contact = contact;
            this.at = customer.createdAt();
            this.running = firstCadence(customer);
            this.trail = new AuditTrail(audit, aggregates, customer, customer.id(), at, person(customer.createdBy()));
        }

        /**
         * As {@code CadenceDeadlines}: a changed schedule settles the running deadline — met at {@code metAt} by a
         * follow-up recorded at {@code recordedAt}, else cancelled then — and opens the next one.
         */
        private void schedule(Customer.ScheduleChange change, Instant metAt, Instant recordedAt) {
            if (!change.changed()) {
                return;
            }
            if (change.previousRule() != null && running != null) {
                if (metAt != null) {
                    running.meet(metAt, recordedAt);
                } else {
                    running.cancel(recordedAt);
                }
                running.write();
            }
            running = change.rule() == null ? null : deadlines.openUntil(change.rule(), CustomerAccess.SUBJECT,
                    customer.id().toString(), customer.ownerId(), change.startsAt(), change.due());
        }

        /** Lives towards {@code target}; {@code keep}: a customer still in development stays with its owner. */
        void live(CustomerStatus target, boolean keep) {
            int days = cadence.days(customer.grade(), PursuitMode.DEVELOPMENT);
            // the lifecycle's steps, each reached at a follow-up: the first follow-up is initial contact (a
            // converted lead's customer is there already), then needs confirmed, opportunity, signed
            int steps = switch (target) {
                case PROSPECT -> 0;
                case INITIAL_CONTACT -> 1;
                case NEEDS_CONFIRMED -> 2;
                case OPPORTUNITY -> 3;
                case SIGNED, DELIVERED, ACTIVE -> 4;
                case LOST -> 1 + random.nextInt(3);
            };
            // a prospect has had no follow-up; the others as many as keep the size's mean over all customers
            int budget = target == CustomerStatus.PROSPECT ? 0 : 1 + random.nextInt(Math.max(1, (int) Math.round(
                    2.0 * followUps * STATUSES.length / count(s -> s != CustomerStatus.PROSPECT) - 1)));
            boolean signs = target != CustomerStatus.LOST && !target.inDevelopment();
            int developing = Math.max(steps, signs ? budget - budget / 3 : budget);
            if (target.inDevelopment() && keep && room() && developing > 0) {
                // followed up within its cadence until now: if the chain would start long after the customer
                // lapsed, it went to the pool and its owner claimed it back (after C7's cooldown)
                Instant chainStart = now.minus(Duration.ofHours((long) (developing - 1) * days * 16
                        + random.nextInt(Math.max(1, days * 20))));
                Instant lapsed = customer.lapsesAt();
                if (chainStart.isAfter(lapsed.plus(Duration.ofDays(rules.reclaimCooldownDays() + 1L)))) {
                    toPool(lapsed.plus(SWEEP_LAG), null); // the C7 sweep
                    at = chainStart.minus(Duration.ofHours(1 + random.nextInt(23)));
                    customer.claim(rep, at);
                    schedule(customer.reschedule(cadence, at, true), null, at);
                    history(customer.id(), at, rep, "customer.history.claimed", org.member(rep).displayName());
                    trail.saved(at, person(rep));
                }
            }
            int reached = 0;
            for (int i = 1; i <= developing && followUp(days); i++) {
                int due = (int) Math.ceil((double) i * steps / developing);
                while (reached < due) {
                    reached++;
                    if (reached > 1) {
                        CustomerStatus before = customer.status();
                        customer.advance(at);
                        schedule(customer.reschedule(cadence, at, false), null, at);
                        statusChanged(customer, before, at, rep, null);
                        trail.saved(at, person(rep));
                    }
                }
            }
            if (target == CustomerStatus.LOST && customer.status() != CustomerStatus.PROSPECT && next(30)) {
                CustomerStatus before = customer.status();
                String reason = LOST_REASONS[random.nextInt(LOST_REASONS.length)];
                customer.lost(reason, at, List.of()); // the data set draws deals apart from the customers' lives
                schedule(customer.reschedule(cadence, at, false), null, at);
                statusChanged(customer, before, at, rep, reason);
                trail.saved(at, person(rep));
            }
            if (customer.status() == CustomerStatus.SIGNED) {
                for (CustomerStatus further : new CustomerStatus[] {CustomerStatus.DELIVERED, CustomerStatus.ACTIVE}) {
                    if (target.ordinal() >= further.ordinal() && next(90)) {
                        CustomerStatus before = customer.status();
                        customer.advance(at);
                        statusChanged(customer, before, at, rep, null);
                        trail.saved(at, person(rep));
                    }
                }
                // a signed customer is still called on now and then, without a cadence
                List<Instant> later = new ArrayList<>();
                long span = Duration.between(at, now).toMillis();
                for (int k = logged; k < budget; k++) {
                    later.add(at.plusMillis((long) (random.nextDouble() * span)));
                }
                later.stream().sorted().forEach(this::log);
            }
            if (customer.ownerId() != null && customer.status().inDevelopment()) {
                Instant lapses = customer.lapsesAt();
                if (!lapses.isAfter(now)) {
                    toPool(lapses.plus(SWEEP_LAG), null); // the C7 sweep
                } else if (!keep || !room()) {
                    // released to the pool by hand: the owner has no room for it, or gave up on it
                    toPool(at.plus(Duration.ofHours(1 + random.nextInt(72))),
                            RELEASE_REASONS[random.nextInt(RELEASE_REASONS.length)]);
                } else {
                    held.merge(rep, 1, Integer::sum);
                }
            }
        }

        /**
         * The customer leaves its owner for the public pool at {@code when} (at the latest now): released by its
         * owner with {@code reason}, or by C7's sweep (no reason, no person) as {@code CustomerOwnership} records it.
         */
        private void toPool(Instant when, String reason) {
            Instant t = when.isAfter(now) ? now : when;
            UUID previous = customer.returnToPool(t, List.of());
            schedule(customer.reschedule(cadence, t, false), null, t);
            rows.insert(RELEASE_TABLE, RELEASE_COLUMNS, customer.id(), previous, t,
                    reason == null ? CustomerOwnership.LAPSED : CustomerOwnership.RELEASED);
            history(customer.id(), t, reason == null ? null : previous,
                    reason == null ? "customer.history.lapsed" : "customer.history.released",
                    org.member(previous).displayName(), reason);
            trail.saved(t, reason == null ? AuditRows.Actor.SYSTEM : person(previous));
        }

        private boolean room() {
            return holding.hasRoomFor(held.getOrDefault(rep, 0), 1);
        }

        /** Moves the clock on by up to {@code days}; false when that would pass now. */
        private boolean next(int days) {
            Instant later = at.plus(Duration.ofHours(1 + random.nextInt(days * 24)));
            if (later.isAfter(now)) {
                return false;
            }
            at = later;
            return true;
        }

        /** A follow-up within the cadence (3 to 20 of each 24 parts of it), unless that would pass now. */
        private boolean followUp(int days) {
            Instant later = at.plus(Duration.ofHours((long) days * (3 + random.nextInt(18))));
            if (later.isAfter(now)) {
                return false;
            }
            log(later);
            return true;
        }

        private void log(Instant occurred) {
            at = occurred;
            ActivityType type = TYPES[(logged + random.nextInt(TYPES.length)) % TYPES.length];
            Instant loggedAt = occurred.plus(LOGGED_AFTER);
            ActivityDraft draft = new ActivityDraft(type, occurred, contact == null ? List.of() : List.of(contact),
                    "第" + (logged + 1) + "次跟进：沟通需求与预算", null, null, null, "约下次拜访", null,
                    type.needsMinutes() ? "纪要：客户关注实施周期与价格，已答复，待对方内部评审" : null)
                    .validated(loggedAt);
            // C4 and C5 due on the SOP's working calendar, as the activity service computes them
            Activity activity = Activity.log(customer.id(), draft, rep, loggedAt,
                    deadlines.calendar().due(occurred, rules.activityLogWindow()),
                    type.needsMinutes() ? deadlines.calendar().due(occurred, rules.minutesWindow()) : null);
            BenchIds.assign(activity, "id", BenchIds.uuid7(occurred, random));
            aggregates.write(rows, activity, 0L);
            audit.created(loggedAt, person(rep), "Activity", activity.id(), aggregates.auditCreation(activity));
            // C4 from when it happened until it was logged; C5 met by the minutes written with it
            String subject = activity.id().toString();
            Deadlines.Deadline loggedRule = deadlines.open(ActivityRules.LOGGED, ActivityRules.SUBJECT, subject, rep,
                    occurred);
            loggedRule.meet(loggedAt);
            loggedRule.write();
            if (type.needsMinutes()) {
                Deadlines.Deadline minutes = deadlines.open(ActivityRules.MINUTES, ActivityRules.SUBJECT, subject, rep,
                        occurred);
                minutes.meet(loggedAt);
                minutes.write();
            }
            CustomerStatus before = customer.status();
            schedule(customer.recordFollowUp(occurred, null, cadence, loggedAt), occurred, loggedAt);
            if (customer.status() != before) {
                statusChanged(customer, before, loggedAt, rep, null);
            }
            trail.saved(loggedAt, person(rep));
            logged++;
            activities++;
        }
    }
}
