package com.lead2cash.lead.internal.routing;

import com.lead2cash.lead.Grade;
import com.lead2cash.lead.internal.LeadSubjects;
import com.lead2cash.lead.internal.domain.LeadRules;
import com.lead2cash.lead.internal.domain.SeniorityRule;
import com.lead2cash.lead.internal.grading.GradingInput;
import com.lead2cash.lead.internal.grading.GradingRules;
import com.lead2cash.lead.internal.grading.LeadGrader;
import com.lead2cash.lead.internal.routing.RoutingEngine.Route;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.sop.PolicySnapshot;
import com.lead2cash.sop.RoutingReplay;
import com.lead2cash.sop.SubjectDescriber;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * L3 and L4 replayed for the policy change's 90-day replay: the leads captured in the period graded again by the
 * {@link LeadGrader} under the proposed values from the facts stored on each, as of the day it was graded, and
 * routed by grade (A to senior reps, B to any rep, C to the nurture pool). A grade set by hand stays. Which rep or
 * territory would have taken a lead depends on the loads of that day and is not replayed; for an A lead that went
 * to a rep senior under the months in force, whether that rep would still count as senior under the proposed
 * months ({@link SeniorityRule}) on the day of the assignment is.
 */
@Component
class LeadRoutingReplay implements RoutingReplay {

    static final int MOVED_LIMIT = 50;

    private record Row(UUID id, Instant capturedAt, GradingInput input, Grade grade, boolean byHand, UUID ownerId,
                       Instant assignedAt) {
    }

    /** A lead the proposal routes elsewhere, before it is named: where it went and where it would go (message keys). */
    private record Rerouted(Row row, String actualKey, String proposedKey) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory directory;
    private final LeadSubjects subjects;
    private final ZoneId zone;

    LeadRoutingReplay(JdbcClient jdbc, OrgDirectory directory, LeadSubjects subjects, @Value("${l2c.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.subjects = subjects;
        this.zone = zone;
    }

    @Override
    public Set<String> rules() {
        return Set.of(LeadRules.GRADING, LeadRules.ROUTING_BY_GRADE);
    }

    @Override
    public Outcome replay(String ruleId, PolicySnapshot current, PolicySnapshot proposed, Instant from, Instant to) {
        LeadRules rules = proposed.bind(LeadRules.class);
        // one range scan of the newest-first index over the period's leads
        List<Row> rows = jdbc.sql("""
                        select id, created_at, industry, budget, purchase_date, decision_maker_known, contact_name, grade,
                               grade_override_reason, graded_at, owner_id, assigned_at
                        from lead_lead where created_at >= :from and created_at <= :to
                        order by created_at desc, id desc""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> {
                    Instant captured = rs.getTimestamp("created_at").toInstant();
                    Timestamp graded = rs.getTimestamp("graded_at");
                    LocalDate day = LocalDate.ofInstant(graded == null ? captured : graded.toInstant(), zone);
                    Timestamp assigned = rs.getTimestamp("assigned_at");
                    return new Row(rs.getObject("id", UUID.class), captured,
                            new GradingInput(rs.getString("industry"), rs.getObject("budget", BigDecimal.class),
                                    rs.getObject("purchase_date", LocalDate.class), rs.getBoolean("decision_maker_known"),
                                    rs.getString("contact_name"), day),
                            Grade.valueOf(rs.getString("grade")), rs.getString("grade_override_reason") != null,
                            rs.getObject("owner_id", UUID.class), assigned == null ? null : assigned.toInstant());
                })
                .list();
        Set<UUID> seniorOwners = new HashSet<>();
        rows.stream().filter(r -> r.grade() == Grade.A && r.ownerId() != null).forEach(r -> seniorOwners.add(r.ownerId()));
        Map<UUID, OrgDirectory.Person> people = seniorOwners.isEmpty() ? Map.of() : directory.people(seniorOwners);
        return replay(rows, rules.grading(), current.bind(LeadRules.class).seniority(), rules.seniority(), people);
    }

    private Outcome replay(List<Row> rows, GradingRules grading, SeniorityRule currentSeniority,
                           SeniorityRule seniority, Map<UUID, OrgDirectory.Person> people) {
        Map<Grade, long[]> grades = new EnumMap<>(Grade.class);
        Map<Route, long[]> routes = new EnumMap<>(Route.class);
        for (Grade g : Grade.values()) {
            grades.put(g, new long[2]);
        }
        for (Route r : Route.values()) {
            routes.put(r, new long[2]);
        }
        long byHand = 0;
        long gradeChanged = 0;
        long routeChanged = 0;
        long notSenior = 0;
        List<Rerouted> rerouted = new ArrayList<>();
        for (Row row : rows) {
            Grade proposedGrade = row.byHand() ? row.grade() : LeadGrader.grade(grading, row.input()).grade();
            byHand += row.byHand() ? 1 : 0;
            grades.get(row.grade())[0]++;
            grades.get(proposedGrade)[1]++;
            routes.get(Route.of(row.grade()))[0]++;
            routes.get(Route.of(proposedGrade))[1]++;
            Rerouted moved = null;
            if (proposedGrade != row.grade()) {
                gradeChanged++;
                moved = new Rerouted(row, "lead.replay.route." + Route.of(row.grade()),
                        "lead.replay.route." + Route.of(proposedGrade));
            } else if (row.grade() == Grade.A && row.ownerId() != null && row.assignedAt() != null) {
                OrgDirectory.Person owner = people.get(row.ownerId());
                LocalDate hired = owner == null ? null : owner.hireDate();
                LocalDate assignedOn = LocalDate.ofInstant(row.assignedAt(), zone);
                // only what the proposal changes: senior enough under the values in force, no longer under the proposed
                if (currentSeniority.isSenior(hired, assignedOn) && !seniority.isSenior(hired, assignedOn)) {
                    notSenior++;
                    moved = new Rerouted(row, "lead.replay.route.SENIOR_REP", "lead.replay.route.otherSeniorRep");
                }
            }
            if (moved != null) {
                routeChanged++;
                if (rerouted.size() < MOVED_LIMIT) {
                    rerouted.add(moved);
                }
            }
        }
        Map<String, SubjectDescriber.SubjectLabel> labels = subjects.describe(
                rerouted.stream().map(r -> r.row().id().toString()).toList());
        List<Moved> moved = rerouted.stream().map(r -> {
            SubjectDescriber.SubjectLabel label = labels.get(r.row().id().toString());
            return new Moved(label == null ? r.row().id().toString() : label.label(), label == null ? null : label.link(),
                    r.row().capturedAt(), r.actualKey(), r.proposedKey());
        }).toList();
        List<Tally> tallies = new ArrayList<>();
        grades.forEach((g, n) -> tallies.add(new Tally("lead.replay.grade." + g, n[0], n[1])));
        routes.forEach((r, n) -> tallies.add(new Tally("lead.replay.route." + r, n[0], n[1])));
        List<Tally> changes = List.of(
                new Tally("lead.replay.changed.grade", 0, gradeChanged),
                new Tally("lead.replay.changed.notSenior", 0, notSenior),
                new Tally("lead.replay.changed.route", 0, routeChanged));
        List<String> scopeArgs = List.of(String.valueOf(rows.size()), String.valueOf(seniority.months()),
                String.valueOf(byHand));
        return new Outcome("lead.replay.scope", scopeArgs, rows.size(), tallies, changes, moved);
    }
}
