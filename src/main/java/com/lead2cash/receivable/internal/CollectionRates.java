package com.lead2cash.receivable.internal;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回款率 — the collection rate of a rep, a team and the company over a period.
 *
 * <p>Definition: of the payment plans whose due date falls in the period [from, to] — {@code to} at the
 * latest today, so only money that has fallen due counts; without {@code from} every plan due by
 * {@code to} — {@code due} is the sum of their amounts and {@code collected} the sum their receipts have
 * paid on them so far (also when paid late); the rate is collected ÷ due in percent, two decimals,
 * half up, and none when nothing fell due. Written-off plans (核销) count as due and uncollected — bad
 * debt lowers the rate. Plans due on a condition not yet met have no due date and do not count. A plan
 * counts for its owner (the contract's rep), a rep for the team of their org unit (named after its
 * manager), and everything for the company.
 *
 * <p>Scope: a rep sees their own rate, a manager their team's reps and teams, finance, the director and
 * the administrator (scope ALL) every rep, every team and the company.
 */
@Component
@Transactional(readOnly = true)
public class CollectionRates {

    /** One row: due and collected over the period, and the rate. */
    public record Rate(UUID key, String name, BigDecimal due, BigDecimal collected) {

        /** Collected ÷ due in percent, two decimals half up; null when nothing fell due. */
        public BigDecimal percent() {
            return due.signum() == 0 ? null
                    : collected.multiply(BigDecimal.valueOf(100)).divide(due, 2, RoundingMode.HALF_UP);
        }
    }

    /** The rates of a period: per rep, per team, and for the company (null unless the reader sees all). */
    public record Report(LocalDate from, LocalDate to, List<Rate> reps, List<Rate> teams, Rate company) {
    }

    private static final String MONTHS = "select owner_id, due, collected from receivable_plan_month where %s and %s";
    private static final String PLANS = "select owner_id, amount as due, paid_amount as collected from receivable_plan where %s and %s";

    private final JdbcClient jdbc;
    private final ReceivablePolicy policy;
    private final ReceivableAccess access;
    private final OrgDirectory org;

    CollectionRates(JdbcClient jdbc, ReceivablePolicy policy, ReceivableAccess access, OrgDirectory org) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.access = access;
        this.org = org;
    }

    /** The rates over plans due from {@code from} (open when null) to {@code to} (today when null or later). */
    public Report of(LocalDate from, LocalDate to) {
        LocalDate today = policy.today();
        LocalDate until = to == null || to.isAfter(today) ? today : to;
        if (from != null && from.isAfter(until)) {
            throw new FieldValidationException("from", "receivable.rates.period.invalid", until);
        }
        Scope scope = access.scope();
        Map<UUID, BigDecimal[]> byOwner = byOwner(from, until, scope);
        Map<UUID, OrgDirectory.Person> people = org.people(byOwner.keySet());
        List<Rate> reps = reps(byOwner, people);
        Map<UUID, BigDecimal[]> byTeam = new LinkedHashMap<>();
        BigDecimal[] company = {zero(), zero()};
        byOwner.forEach((owner, sums) -> {
            OrgDirectory.Person p = people.get(owner);
            if (p != null && p.orgUnitId() != null) {
                add(byTeam.computeIfAbsent(p.orgUnitId(), u -> new BigDecimal[] {zero(), zero()}), sums);
            }
            add(company, sums);
        });
        List<Rate> teams = new ArrayList<>();
        byTeam.forEach((unit, sums) -> teams.add(new Rate(unit,
                org.managerOfUnit(unit).map(OrgDirectory.Person::displayName).orElse(null), sums[0], sums[1])));
        teams.sort(java.util.Comparator.comparing(Rate::name, java.util.Comparator.nullsLast(String::compareTo)));
        return new Report(from, until, reps, teams, scope.isAll() ? new Rate(null, null, company[0], company[1]) : null);
    }

    /**
     * The rates of every rep in {@code scope} over all plans due by today, by name — the aging report's, which
     * shows no teams and so looks up no team's manager.
     */
    public List<Rate> repsDueByToday(Scope scope) {
        Map<UUID, BigDecimal[]> byOwner = byOwner(null, policy.today(), scope);
        return reps(byOwner, org.people(byOwner.keySet()));
    }

    private static List<Rate> reps(Map<UUID, BigDecimal[]> byOwner, Map<UUID, OrgDirectory.Person> people) {
        List<Rate> reps = new ArrayList<>();
        byOwner.forEach((owner, sums) -> {
            OrgDirectory.Person p = people.get(owner);
            reps.add(new Rate(owner, p == null ? null : p.displayName(), sums[0], sums[1]));
        });
        reps.sort(java.util.Comparator.comparing(Rate::name, java.util.Comparator.nullsLast(String::compareTo)));
        return reps;
    }

    /** Due and collected per owner in {@code scope} over the plans due from {@code from} (open when null) to {@code until}. */
    private Map<UUID, BigDecimal[]> byOwner(LocalDate from, LocalDate until, Scope scope) {
        Map<UUID, BigDecimal[]> byOwner = new LinkedHashMap<>();
        String owners = scope.ownerPredicate("owner_id");
        // whole months come from their read model (receivable_plan_month, kept by the database with every change of a
        // plan); the plans of the months the period cuts — the current one, and the first when it starts mid-month —
        // are read one by one
        LocalDate tailFrom = until.withDayOfMonth(1);
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("until", Date.valueOf(until));
        if (from != null && !from.isBefore(tailFrom)) {
            parts.add(PLANS.formatted("due_date >= :from and due_date <= :until", owners));
            params.put("from", Date.valueOf(from));
        } else {
            LocalDate monthsFrom = from == null || from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            parts.add(MONTHS.formatted((monthsFrom == null ? "" : "month >= :monthsFrom and ") + "month < :tailFrom", owners));
            if (monthsFrom != null) {
                params.put("monthsFrom", Date.valueOf(monthsFrom));
            }
            if (from != null && from.isBefore(monthsFrom)) {
                parts.add(PLANS.formatted("due_date >= :from and due_date < :monthsFrom", owners));
                params.put("from", Date.valueOf(from));
            }
            parts.add(PLANS.formatted("due_date >= :tailFrom and due_date <= :until", owners));
            params.put("tailFrom", Date.valueOf(tailFrom));
        }
        jdbc.sql("select owner_id, sum(due) as due, sum(collected) as collected from (" + String.join(" union all ", parts)
                        + ") as d group by owner_id")
                .params(params)
                .query(rs -> {
                    byOwner.put(rs.getObject("owner_id", UUID.class),
                            new BigDecimal[] {rs.getBigDecimal("due"), rs.getBigDecimal("collected")});
                });
        return byOwner;
    }

    private static void add(BigDecimal[] into, BigDecimal[] sums) {
        into[0] = into[0].add(sums[0]);
        into[1] = into[1].add(sums[1]);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
