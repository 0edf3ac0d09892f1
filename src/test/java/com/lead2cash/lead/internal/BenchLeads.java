package com.lead2cash.lead.internal;

import com.lead2cash.bench.dataset.AggregateRows;
import com.lead2cash.bench.dataset.AuditRows.Actor;
import com.lead2cash.bench.dataset.AuditRows;
import com.lead2cash.bench.dataset.BenchIds;
import com.lead2cash.bench.dataset.BenchOpportunities;
import com.lead2cash.bench.dataset.BenchOrg.Member;
import com.lead2cash.bench.dataset.BenchOrg.Team;
import com.lead2cash.bench.dataset.BenchOrg;
import com.lead2cash.bench.dataset.ChineseData;
import com.lead2cash.bench.dataset.Deadlines;
import com.lead2cash.bench.dataset.Notifications;
import com.lead2cash.bench.dataset.Rows;
import com.lead2cash.lead.Grade;
import com.lead2cash.lead.LeadSource;
import com.lead2cash.lead.internal.domain.CaptureChannel;
import com.lead2cash.lead.internal.domain.ContactIntent;
import com.lead2cash.lead.internal.domain.GradeReason;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadActor;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.lead.internal.domain.LeadDrafts;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.domain.TerritoryStanding;
import com.lead2cash.lead.internal.grading.GradingInput;
import com.lead2cash.lead.internal.grading.GradingResult;
import com.lead2cash.lead.internal.grading.GradingRules;
import com.lead2cash.lead.internal.grading.LeadGrader;
import com.lead2cash.lead.internal.routing.RepCandidate;
import com.lead2cash.lead.internal.routing.RoutableLead;
import com.lead2cash.lead.internal.routing.RoutingDecision;
import com.lead2cash.lead.internal.routing.RoutingEngine;
import com.lead2cash.lead.internal.routing.Territory;
import com.lead2cash.platform.Role;
import com.lead2cash.region.Region;
import com.lead2cash.region.Regions;
import com.lead2cash.sop.BusinessDuration;
import com.lead2cash.sop.PolicySnapshot;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The benchmark's leads (线索), three years of them, made the way the product makes them: each draft
 * is graded by {@link LeadGrader}, captured and moved through its life by the {@link Lead} aggregate's
 * own transitions, routed by the {@link RoutingEngine} with the loads the reps would have had at that
 * moment, and leaves the history, deadlines (L1, L6, L7), notifications and audit entries the lead
 * service writes at each step. Then some are screened by hand, queued and assigned by a manager,
 * batch-assigned from the nurture pool, contacted (on time or late), converted into customers,
 * contacts and opportunities, or disqualified.
 */
public final class BenchLeads {

    /** What a capture looks like, kept for the sample check that replays drafts through the API. */
    public record Capture(LeadDraft draft, CaptureChannel channel, Member capturer) {
    }

    /** The customer module's table the converted leads' customers go to (see BenchCustomers). */
    public static final String CUSTOMER_TABLE = "customer_customer";
    static final String EVENT_TABLE = "lead_event";
    static final List<String> EVENT_COLUMNS = List.of("lead_id", "occurred_at", "actor_id", "message_key", "args");
    static final String ATTEMPT_TABLE = "lead_contact_attempt";
    static final List<String> ATTEMPT_COLUMNS = List.of("id", "lead_id", "channel", "intent", "summary", "occurred_at",
            "logged_by", "logged_at");

    private static final Field LEAD_ID;

    static {
        try {
            LEAD_ID = Lead.class.getDeclaredField("id");
            LEAD_ID.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final String[] CHANNELS = {"电话", "电话", "电话", "微信", "拜访", "邮件"};
    private static final String[] SUMMARIES = {"已电话沟通，客户确认有采购计划，约下周演示", "客户在比较几家方案，要求先发资料",
        "联系人出差，已加微信约时间", "客户预算待审批，月底再跟进", "已上门拜访，了解现有系统和痛点", "客户对价格敏感，需要报价单"};
    private static final String[] DISQUALIFY_REASONS = {"NO_NEED", "NO_BUDGET", "COMPETITOR", "INVALID_INFO", "OTHER"};
    private static final String[] SHOWS = {"上海工博会", "深圳高交会", "北京数博会", "广州广交会", "杭州云栖大会"};

    private final BenchOrg org;
    private final LeadRules rules;
    private final GradingRules gradingRules;
    private final Regions regions;
    private final Deadlines deadlines;
    private final Notifications notifications;
    private final AuditRows audit;
    private final AggregateRows aggregates;
    private final Rows rows;
    private final SplittableRandom random;
    private final Instant now;
    private final ZoneId zone;
    private final BenchOpportunities opportunities;
    private final Map<UUID, Territory> territories = new HashMap<>();
    private final Map<UUID, int[]> loads = new HashMap<>();
    private final Map<UUID, Instant> lastAssigned = new HashMap<>();
    private final PriorityQueue<Closing> closings = new PriorityQueue<>();
    private long customerSeq;
    private com.lead2cash.bench.dataset.BenchCustomers customers;
    private long opportunitySeq;
    private long converted;

    private record Closing(Instant at, UUID rep) implements Comparable<Closing> {
        @Override
        public int compareTo(Closing o) {
            return at.compareTo(o.at);
        }
    }

    public BenchLeads(BenchOrg org, PolicySnapshot policy, Regions regions, Deadlines deadlines,
                      Notifications notifications, AuditRows audit, AggregateRows aggregates, Rows rows,
                      SplittableRandom random, Instant now, ZoneId zone) {
        this.org = org;
        this.rules = policy.bind(LeadRules.class);
        this.gradingRules = rules.grading();
        this.regions = regions;
        this.deadlines = deadlines;
        this.notifications = notifications;
        this.audit = audit;
        this.aggregates = aggregates;
        this.rows = rows;
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.opportunities = BenchOpportunities.of(policy, rows, random, now, zone);
        for (Team t : org.teams()) {
            territories.put(t.territoryId(), new Territory(t.territoryId(), t.name(), Set.copyOf(t.industries()),
                    t.provinces().stream().map(ChineseData::provinceCode).collect(Collectors.toSet()), Set.of(),
                    t.manager().id(),
                    t.reps().stream().map(Member::id).collect(Collectors.toSet())));
        }
    }

    public long customersCreated() {
        return customerSeq;
    }

    public long opportunitiesCreated() {
        return opportunitySeq;
    }

    public long converted() {
        return converted;
    }

    /** Where the converted leads' customers are registered and live on. */
    public void customers(com.lead2cash.bench.dataset.BenchCustomers customers) {
        this.customers = customers;
    }

    /** Quotes, contracts and receivables of the converted leads' opportunities (see {@link com.lead2cash.bench.dataset.BenchDeals}). */
    public void deals(com.lead2cash.bench.dataset.BenchDeals deals) {
        opportunities.deals(deals);
    }

    /** Writes {@code count} leads created evenly over the three years up to now, oldest first. */
    public void write(int count) {
        Instant start = now.minus(Duration.ofDays(3 * 365));
        long span = Duration.between(start, now.minus(Duration.ofMinutes(10))).toMillis();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Instant created = start.plusMillis(span * i / count + random.nextInt(1000));
            writeLead(i, created);
            if (count >= 100_000 && (i + 1) % (count / 10) == 0) {
                System.out.printf("BENCH leads: %d written in %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
            }
        }
    }

    /** A capture as a client sends it to {@code POST /api/v1/leads}, and who sends it. */
    public record Request(String json, Member capturer, String channel) {
    }

    /** The capture of index {@code i} at {@code at} as an API request (the driver and the sample check send it). */
    public Request request(long i, Instant at) {
        Capture c = capture(i, at);
        LeadDraft d = c.draft();
        StringBuilder json = new StringBuilder("{");
        field(json, "companyName", d.companyName());
        field(json, "contactName", d.contactName());
        field(json, "contactTitle", d.contactTitle());
        field(json, "phone", d.phone());
        field(json, "email", d.email());
        field(json, "industry", d.industry());
        field(json, "region", d.region());
        field(json, "productLine", d.productLine());
        field(json, "source", d.source().name());
        field(json, "sourceDetail", d.sourceDetail());
        if (d.budget() != null) {
            json.append("\"budget\":").append(d.budget().toPlainString()).append(',');
        }
        field(json, "purchaseDate", d.purchaseDate() == null ? null : d.purchaseDate().toString());
        field(json, "uscc", d.uscc());
        field(json, "notes", d.notes());
        json.append("\"decisionMakerKnown\":").append(d.decisionMakerKnown()).append('}');
        return new Request(json.toString(), c.capturer(), c.channel().name());
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append('"').append(name).append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\",");
        }
    }

    /** A capture the generator would make at {@code at} for index {@code i} (the sample check replays it). */
    public Capture capture(long i, Instant at) {
        CaptureChannel channel = channel();
        Member capturer = capturer(channel);
        return new Capture(draft(i, at, channel), channel, capturer);
    }

    /**
     * Writes lead {@code i} captured at {@code created} and what became of it up to now (nothing, when
     * {@code created} is now: the raw side of a capture writes just what a capture writes).
     */
    public void writeLead(long i, Instant created) {
        Capture c = capture(i, created);
        new LeadStory(c, i, created).tell();
    }

    /** One lead from capture to where it stands now. */
    private final class LeadStory {
        private final Capture capture;
        private final Lead lead;
        private final List<Deadlines.Deadline> running = new ArrayList<>();
        private long version;
        private Deadlines.Deadline screening;
        private Deadlines.Deadline firstResponse;
        private Deadlines.Deadline queued;

        LeadStory(Capture capture, long index, Instant created) {
            this.capture = capture;
            LocalDate today = LocalDate.ofInstant(created, zone);
            GradingResult grading = LeadGrader.grade(gradingRules, new GradingInput(capture.draft().industry(),
                    capture.draft().budget(), capture.draft().purchaseDate(), capture.draft().decisionMakerKnown(),
                    capture.draft().contactName(), today));
            this.lead = Lead.capture(code("L", index + 1, created), capture.draft(), capture.channel(),
                    capture.capturer() == null ? null : capture.capturer().id(), grading, null, created);
            try {
                LEAD_ID.set(lead, BenchIds.uuid7(created, random));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void tell() {
            Instant created = lead.createdAt();
            Actor capturer = actor(capture.capturer(), capture.channel() == CaptureChannel.IMPORT ? null : "api");
            history(created, capturer, "lead.history.captured", capture.channel(), lead.grade(), lead.gradePoints());
            Member screener = capture.capturer() != null ? capture.capturer() : org.marketing().get(0);
            RoutingDecision decision = null;
            if (lead.gradeComplete()) {
                lead.screenAutomatically(created);
                deadlines.recordMet(LeadRules.SCREENING, Lead.SUBJECT, lead.id().toString(), screener.id(), created);
                history(created, capturer, "lead.history.screenedAutomatically");
                decision = route(created, capturer, routable(lead.grade()));
            } else {
                screening = deadlines.open(LeadRules.SCREENING, Lead.SUBJECT, lead.id().toString(), screener.id(), created);
                running.add(screening);
            }
            audit.created(created, capturer, "Lead", lead.id(), aggregates.auditCreation(lead));
            afterCapture(decision, screener);
            finish();
        }

        private void afterCapture(RoutingDecision decision, Member screener) {
            Instant t = lead.createdAt();
            if (decision == null) {
                // incomplete data: a person screens it by phone, some business minutes later
                Instant screened = deadlines.calendar().plus(t,
                        BusinessDuration.ofMinutes(5 + random.nextInt(60)));
                if (screened.isAfter(now)) {
                    return;
                }
                Actor actor = actor(screener, "web");
                Map<String, String> before = aggregates.auditValues(lead);
                lead.screen(screenerActor(screener), screened);
                screening.meet(screened);
                history(screened, actor, "lead.history.screened");
                decision = route(screened, actor, routable(lead.grade()));
                save(screened, actor, before);
                t = screened;
            }
            switch (decision.kind()) {
                case ASSIGN_TO_REP -> worked(lead.assignedAt());
                case NURTURE -> nurtureBatch(t);
                case MANAGER_QUEUE -> managerAssigns(t, decision);
            }
        }

        /** Routing (L4/L5) and what follows from its decision, as the lead service does it. */
        private RoutingDecision route(Instant at, Actor actor, RoutableLead routable) {
            RoutingDecision decision = decide(routable, at);
            history(at, actor, decision.messageKey(), decision.args().toArray());
            switch (decision.kind()) {
                case ASSIGN_TO_REP -> {
                    lead.routeTo(decision.userId(), decision.territoryId(), at);
                    assigned(at);
                }
                case NURTURE -> lead.nurture(at);
                case MANAGER_QUEUE -> {
                    lead.queueFor(decision.userId(), decision.territoryId(), at);
                    List<UUID> managers = decision.userId() != null ? List.of(decision.userId())
                            : List.of(org.director().id());
                    // L9: the queue's manager (the director for the general queue) has the window to assign it
                    queued = deadlines.open(LeadRules.MANAGER_QUEUE, Lead.SUBJECT, lead.id().toString(), managers.get(0), at);
                    running.add(queued);
                    managers.forEach(m -> notifications.send(m, "lead.queued", "lead.notify.queued",
                            "/leads/" + lead.id(), false, at, lead.code(), lead.companyName(), lead.grade()));
                }
            }
            return decision;
        }

        /** What routing looks at: the lead's division and those above it (as the lead router reads it). */
        private RoutableLead routable(Grade grade) {
            List<String> lineage = lead.regionCode() == null ? List.of()
                    : regions.lineage(lead.regionCode()).stream().map(Region::code).toList();
            return new RoutableLead(grade, lead.industry(), lead.region(), lineage, lead.productLine());
        }

        private RoutingDecision decide(RoutableLead routable, Instant at) {
            settleClosings(at);
            LocalDate today = LocalDate.ofInstant(at, zone);
            Team team = routable.regionLineage().isEmpty() ? null
                    : org.teamFor(ChineseData.provinceOf(routable.regionLineage().get(0)), routable.industry());
            List<Territory> matching = team == null ? List.of() : List.of(territories.get(team.territoryId()));
            List<RepCandidate> candidates = new ArrayList<>();
            if (team != null) {
                for (Member rep : team.reps()) {
                    if (!rep.hireDate().isAfter(today)) {
                        candidates.add(new RepCandidate(rep.id(), rep.hireDate(), true, load(rep.id())[0],
                                lastAssigned.get(rep.id())));
                    }
                }
            }
            return RoutingEngine.route(rules.seniority(), routable, matching, candidates, today);
        }

        /**
         * The lead has an owner (routing, the weekly batch, a manager): the rep is told at once (L6), the
         * first response clock starts (L7) and a wait in a manager queue ends (L9).
         */
        private void assigned(Instant at) {
            UUID rep = lead.ownerId();
            if (lead.grade() == Grade.A || lead.grade() == Grade.B) {
                load(rep)[0]++;
            }
            lastAssigned.put(rep, at);
            notifications.send(rep, "lead.assigned", "lead.notify.assigned", "/leads/" + lead.id(), false, at,
                    lead.code(), lead.companyName(), lead.grade());
            deadlines.recordMet(LeadRules.NOTIFY_ASSIGNEE, Lead.SUBJECT, lead.id().toString(), rep, at);
            firstResponse = deadlines.open(LeadRules.FIRST_RESPONSE, Lead.SUBJECT, lead.id().toString(), rep, at);
            running.add(firstResponse);
            if (queued != null) {
                queued.meet(at);
            }
        }

        /** L4: C leads wait for the weekly batch; about half of them are handed out by it. */
        private void nurtureBatch(Instant t) {
            ZonedDateTime batch = t.atZone(zone).with(TemporalAdjusters.next(rules.nurtureBatchDay()))
                    .with(rules.nurtureBatchTime()).plusSeconds(20 + random.nextInt(40));
            if (batch.toInstant().isAfter(now) || random.nextInt(10) < 5) {
                return;
            }
            Instant at = batch.toInstant();
            Map<String, String> before = aggregates.auditValues(lead);
            RoutingDecision asB = decide(routable(Grade.B), at);
            if (asB.kind() != RoutingDecision.Kind.ASSIGN_TO_REP) {
                return;
            }
            lead.routeTo(asB.userId(), asB.territoryId(), at);
            assigned(at);
            history(at, Actor.SYSTEM, "lead.history.nurtureBatch");
            save(at, Actor.SYSTEM, before);
            worked(at);
        }

        /** A lead in a manager's queue: the manager (or the director) assigns it to a rep of the team. */
        private void managerAssigns(Instant t, RoutingDecision decision) {
            Instant at = deadlines.calendar().plus(t, BusinessDuration.ofMinutes(10 + random.nextInt(150)));
            if (at.isAfter(now)) {
                return;
            }
            Team team = decision.territoryId() != null ? org.teams().stream()
                    .filter(x -> x.territoryId().equals(decision.territoryId())).findFirst().orElseThrow()
                    : org.teams().get(random.nextInt(org.teams().size()));
            Member manager = decision.userId() != null ? team.manager() : org.director();
            LocalDate today = LocalDate.ofInstant(at, zone);
            List<Member> hired = team.reps().stream().filter(r -> !r.hireDate().isAfter(today)).toList();
            if (hired.isEmpty()) {
                return;
            }
            settleClosings(at);
            Member rep = hired.stream().min((a, b) -> Integer.compare(load(a.id())[0], load(b.id())[0])).orElseThrow();
            Actor actor = actor(manager, "web");
            Map<String, String> before = aggregates.auditValues(lead);
            SeniorityRule.Seniority seniority = rules.seniority().of(rep.hireDate(), today);
            String reason = lead.overridesSeniority(seniority) ? "队列积压，由负载最低的代表先跟进" : null;
            lead.assign(leadActor(manager.id(), true), rep.id(), seniority, TerritoryStanding.NO_TEAM, reason, at);
            assigned(at);
            if (reason != null) {
                history(at, actor, "lead.history.assignedOverSeniority", rep.displayName(), seniority.requiredMonths(),
                        reason);
            } else {
                history(at, actor, "lead.history.assigned", rep.displayName(), null);
            }
            save(at, actor, before);
            worked(at);
        }

        /** After assignment: first response on time or late, or never; then converted, disqualified or still open. */
        private void worked(Instant assigned) {
            UUID rep = lead.ownerId();
            Actor actor = actor(org.member(rep), "web");
            int roll = random.nextInt(100);
            int minutes = roll < 70 ? 5 + random.nextInt(175) : roll < 90 ? 180 + random.nextInt(60)
                    : 240 + random.nextInt(1200);
            boolean neverReached = random.nextInt(100) < 8;
            Instant contacted = deadlines.calendar().plus(assigned, BusinessDuration.ofMinutes(minutes));
            if (neverReached) {
                Instant giveUp = assigned.plus(Duration.ofDays(10 + random.nextInt(10)));
                if (!giveUp.isAfter(now)) {
                    disqualify(giveUp, actor, "UNREACHABLE", "多次电话未接通");
                }
                return;
            }
            if (contacted.isAfter(now)) {
                return;
            }
            Map<String, String> before = aggregates.auditValues(lead);
            lead.recordContact(leadActor(rep, false), contacted, contacted);
            ContactIntent intent = ContactIntent.values()[random.nextInt(ContactIntent.values().length)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            rows.insert(ATTEMPT_TABLE, ATTEMPT_COLUMNS, BenchIds.uuid7(contacted, random), lead.id(), channel, intent,
                    SUMMARIES[random.nextInt(SUMMARIES.length)], contacted, rep, contacted);
            firstResponse.meet(contacted);
            history(contacted, actor, "lead.history.contacted", channel, intent);
            save(contacted, actor, before);
            Instant decided = contacted.plus(Duration.ofDays(3 + random.nextInt(58)));
            if (decided.isAfter(now)) {
                return;
            }
            int outcome = random.nextInt(100);
            if (outcome < 30) {
                convert(decided, actor);
            } else if (outcome < 75) {
                String reason = DISQUALIFY_REASONS[random.nextInt(DISQUALIFY_REASONS.length)];
                disqualify(decided, actor, reason, "OTHER".equals(reason) ? "客户项目取消" : null);
            }
        }

        private void convert(Instant at, Actor actor) {
            Map<String, String> before = aggregates.auditValues(lead);
            UUID customer = BenchIds.uuid7(at, random);
            String customerCode = code("C", ++customerSeq, at);
            // the conversion registers the customer, then adds the lead's contact (CustomerDirectory.addContact)
            UUID contact = customers.contact(customer,
                    lead.contactName() == null ? lead.companyName() : lead.contactName(), lead.contactTitle(),
                    lead.phone(), lead.email(), lead.decisionMakerKnown() ? "DECISION_MAKER" : null, true, lead.ownerId(),
                    at);
            customers.converted(customer, customerCode, lead.companyName(), lead.uscc(), lead.industry(), lead.region(),
                    lead.source().name(), lead.code(), lead.grade().name(), lead.ownerId(), contact, at);
            UUID opportunity = null;
            if (random.nextInt(100) < 60) {
                opportunity = BenchIds.uuid7(at, random);
                String code = code("O", ++opportunitySeq, at);
                String name = lead.companyName() + (lead.productLine() == null ? "" : " · " + lead.productLine());
                opportunities.write(opportunity, code, customer, name,
                        lead.budget() != null ? lead.budget() : BigDecimal.ZERO, lead.ownerId(), lead.code(),
                        lead.productLine(), at, lead.companyName(), lead.uscc());
                audit.recorded(at, actor, "CREATE", "Opportunity", opportunity, code + " " + name + " (" + lead.code() + ")");
            }
            lead.convert(leadActor(lead.ownerId(), false), customer, contact, opportunity, at);
            firstResponse.cancel(at);
            history(at, actor, "lead.history.converted", customerCode);
            save(at, actor, before);
            close(at);
            converted++;
        }

        private void disqualify(Instant at, Actor actor, String reason, String note) {
            Map<String, String> before = aggregates.auditValues(lead);
            lead.disqualify(leadActor(lead.ownerId(), false), reason, note, at);
            if (screening != null) {
                screening.cancel(at);
            }
            firstResponse.cancel(at);
            history(at, actor, "lead.history.disqualified", reason, note);
            save(at, actor, before);
            close(at);
        }

        /** The lead leaves its rep's open load when it closes. */
        private void close(Instant at) {
            if (lead.grade() == Grade.A || lead.grade() == Grade.B) {
                closings.add(new Closing(at, lead.ownerId()));
            }
        }

        /** A later transaction saved the lead: its version moves and the audit trail gets the changed fields. */
        private void save(Instant at, Actor actor, Map<String, String> before) {
            version++;
            audit.updated(at, actor, "Lead", lead.id(), before, aggregates.auditValues(lead));
        }

        private void history(Instant at, Actor actor, String key, Object... args) {
            rows.insert(EVENT_TABLE, EVENT_COLUMNS, lead.id(), at, actor.id(), key, Arrays.stream(args)
                    .map(a -> a == null ? "—" : String.valueOf(a)).collect(Collectors.joining(GradeReason.SEPARATOR)));
        }

        private void finish() {
            aggregates.write(rows, lead, version);
            running.forEach(Deadlines.Deadline::write);
        }
    }

    private void settleClosings(Instant at) {
        while (!closings.isEmpty() && !closings.peek().at().isAfter(at)) {
            Closing c = closings.poll();
            load(c.rep())[0]--;
        }
    }

    private int[] load(UUID rep) {
        return loads.computeIfAbsent(rep, r -> new int[1]);
    }

    /** Who acts on the lead, as its rules see them: in scope, a manager or not. */
    private static LeadActor leadActor(UUID id, boolean manager) {
        return new LeadActor(id, manager, !manager, manager, new SeniorityRule.Seniority(true, 0), true);
    }

    /** The screener: whoever captured the lead, or marketing (who screens any lead). */
    private static LeadActor screenerActor(Member screener) {
        boolean rep = screener.role() == Role.SALES_REP || screener.role() == Role.ACCOUNT_MANAGER;
        return new LeadActor(screener.id(), false, rep, !rep, new SeniorityRule.Seniority(true, 0), true);
    }

    private Actor actor(Member member, String via) {
        if (member == null) {
            return Actor.SYSTEM;
        }
        // the office network the requests came from; background work (imports) has no request
        return new Actor(member.id(), member.username(), via == null ? null : "10.20.8.21");
    }

    private String code(String prefix, long n, Instant at) {
        return "%s-%d-%06d".formatted(prefix, at.atZone(zone).getYear(), n);
    }

    private CaptureChannel channel() {
        int r = random.nextInt(100);
        return r < 30 ? CaptureChannel.API : r < 60 ? CaptureChannel.MANUAL : r < 85 ? CaptureChannel.IMPORT
                : CaptureChannel.WEB_FORM;
    }

    private Member capturer(CaptureChannel channel) {
        return switch (channel) {
            case WEB_FORM -> null;
            case API, IMPORT -> org.marketing().get(random.nextInt(org.marketing().size()));
            case MANUAL -> random.nextInt(10) == 0 ? org.assistant() : org.reps().get(random.nextInt(org.reps().size()));
        };
    }

    /** The region as people type it: the province, the city, province and city, or nothing. */
    private static String region(ChineseData.Company company, int roll) {
        if (roll < 40) {
            return company.city().province();
        }
        if (roll < 75) {
            return company.city().name();
        }
        if (roll < 96 && !company.city().province().equals(company.city().name())) {
            return company.city().province() + company.city().name();
        }
        if (roll < 96) {
            return company.city().name();
        }
        return null;
    }

    private LeadDraft draft(long i, Instant at, CaptureChannel channel) {
        ChineseData.Company company = ChineseData.company(i);
        ChineseData.Person person = ChineseData.person(random);
        LocalDate today = LocalDate.ofInstant(at, zone);
        int r = random.nextInt(100);
        String phone = r < 85 ? ChineseData.mobile(i, random.nextInt(4))
                : r < 95 ? ChineseData.landline(company.city(), i) : null;
        String email = random.nextInt(100) < 60 ? person.emailLocal() + "@" + company.domain() : null;
        LeadSource source = channel == CaptureChannel.WEB_FORM ? LeadSource.WEBSITE_FORM
                : LeadSource.values()[random.nextInt(LeadSource.values().length)];
        BigDecimal budget = random.nextInt(100) < 92
                ? BigDecimal.valueOf(Math.round(Math.exp(Math.log(20_000) + random.nextDouble() * Math.log(250)) / 1000) * 1000)
                : null;
        LocalDate purchase = random.nextInt(100) < 90 ? today.plusDays(random.nextInt(300)) : null;
        return LeadDrafts.validate(new LeadDraft(company.name(), random.nextInt(100) < 97 ? person.name() : null,
                ChineseData.TITLES.get(random.nextInt(ChineseData.TITLES.size())), phone, email,
                random.nextInt(100) < 96 ? company.industry() : null,
                region(company, random.nextInt(100)),
                random.nextInt(100) < 80 ? ChineseData.PRODUCT_LINES.get(random.nextInt(ChineseData.PRODUCT_LINES.size()))
                        : null,
                source, source == LeadSource.TRADE_SHOW ? today.getYear() + SHOWS[random.nextInt(SHOWS.length)] : null,
                null, budget, purchase, random.nextInt(100) < 45, null,
                random.nextInt(100) < 35 ? company.uscc() : null,
                random.nextInt(100) < 15 ? "客户主动咨询，关注" + company.industryWord().word() + "行业解决方案" : null),
                today, regions);
    }
}
