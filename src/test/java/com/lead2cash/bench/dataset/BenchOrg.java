package com.lead2cash.bench.dataset;

import com.lead2cash.platform.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The sales organisation of the benchmark company: a director, four regions (大区) under regional
 * managers, five teams (销售组) in each with a sales manager and ten reps, two marketing people and an
 * assistant — 20 teams, 200 reps — and, outside sales, finance (财务部) with one accountant who records receipts. Each team is a territory (销售辖区) of its region's provinces and four
 * industries, so every province and industry of a region has exactly one team.
 */
public final class BenchOrg {

    private final UUID salesUnit;
    private final Member director;
    private final List<Member> marketing;
    private final Member assistant;
    private final UUID financeUnit;
    private final Member finance;
    private final List<Region> regions;
    private final List<String> apiKeys;
    private final List<Member> everyone;
    private final Map<UUID, Member> byId = new HashMap<>();
    private final Map<UUID, Member> bosses = new HashMap<>();
    private final Map<UUID, Team> teams = new HashMap<>();

    public BenchOrg(UUID salesUnit, Member director, List<Member> marketing, Member assistant, List<Region> regions,
                    List<String> apiKeys, UUID financeUnit, Member finance) {
        this.financeUnit = financeUnit;
        this.finance = finance;
        this.salesUnit = salesUnit;
        this.director = director;
        this.marketing = marketing;
        this.assistant = assistant;
        this.regions = regions;
        this.apiKeys = apiKeys;
        this.everyone = Stream.of(List.of(director), marketing, List.of(assistant), managers(), reps(), List.of(finance))
                .flatMap(List::stream).toList();
        everyone.forEach(m -> byId.put(m.id(), m));
        for (Region r : regions) {
            bosses.put(r.manager().id(), director);
            for (Team t : r.teams()) {
                bosses.put(t.manager().id(), r.manager());
                teams.put(t.manager().id(), t);
                t.reps().forEach(rep -> {
                    bosses.put(rep.id(), t.manager());
                    teams.put(rep.id(), t);
                });
            }
        }
        marketing.forEach(m -> bosses.put(m.id(), director));
        bosses.put(assistant.id(), director);
    }

    public UUID salesUnit() {
        return salesUnit;
    }

    public Member director() {
        return director;
    }

    public List<Member> marketing() {
        return marketing;
    }

    public Member assistant() {
        return assistant;
    }

    /** The finance department's unit, beside the sales centre under the company's root. */
    public UUID financeUnit() {
        return financeUnit;
    }

    /** Finance (财务): records and allocates receipts, sees every receivable (data scope ALL). */
    public Member finance() {
        return finance;
    }

    public List<Region> regions() {
        return regions;
    }

    public List<String> apiKeys() {
        return apiKeys;
    }

    /** A person of the organisation with the bearer token the load driver signs in with. */
    public record Member(UUID id, String username, String displayName, UUID unitId, LocalDate hireDate, Role role,
                         String token) {
    }

    public record Team(UUID unitId, String name, Member manager, List<Member> reps, UUID territoryId,
                       List<String> provinces, List<String> industries) {
    }

    public record Region(UUID unitId, String name, Member manager, List<Team> teams, List<String> provinces) {
    }

    public List<Team> teams() {
        return regions.stream().flatMap(r -> r.teams().stream()).toList();
    }

    public List<Member> reps() {
        return teams().stream().flatMap(t -> t.reps().stream()).toList();
    }

    /** Sales managers and regional managers (data scope TEAM). */
    public List<Member> managers() {
        List<Member> managers = new ArrayList<>();
        regions.forEach(r -> {
            managers.add(r.manager());
            r.teams().forEach(t -> managers.add(t.manager()));
        });
        return managers;
    }

    public List<Member> everyone() {
        return everyone;
    }

    /** The team whose territory takes leads of this province and industry, or null. */
    public Team teamFor(String province, String industry) {
        if (province == null || industry == null) {
            return null;
        }
        for (Region r : regions) {
            if (r.provinces().contains(province)) {
                for (Team t : r.teams()) {
                    if (t.industries().contains(industry)) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** The team a rep or sales manager belongs to, or null. */
    public Team teamOf(UUID repId) {
        return teams.get(repId);
    }

    /** The unit the person is in (null for nobody of the organisation), as a deadline of theirs records it (0124). */
    public UUID unitOf(UUID id) {
        Member m = id == null ? null : byId.get(id);
        return m == null ? null : m.unitId();
    }

    public Member member(UUID id) {
        Member m = byId.get(id);
        if (m == null) {
            throw new IllegalArgumentException("not in the organisation: " + id);
        }
        return m;
    }

    /** The ALL scope is null; otherwise the owners the user's data scope covers (SELF, or the unit subtree). */
    public Set<UUID> scopeOf(Member m) {
        return switch (m.role()) {
            case SALES_DIRECTOR, ADMIN, FINANCE -> null;
            case SALES_MANAGER -> {
                Team team = teams().stream().filter(t -> t.manager().id().equals(m.id())).findFirst()
                        .orElseThrow();
                Set<UUID> s = new HashSet<>();
                s.add(m.id());
                team.reps().forEach(r -> s.add(r.id()));
                yield s;
            }
            case REGIONAL_MANAGER -> {
                Region region = regions.stream().filter(r -> r.manager().id().equals(m.id()))
                        .findFirst().orElseThrow();
                Set<UUID> s = new HashSet<>();
                s.add(m.id());
                region.teams().forEach(t -> {
                    s.add(t.manager().id());
                    t.reps().forEach(r -> s.add(r.id()));
                });
                yield s;
            }
            case SALES_ASSISTANT -> { // the sales centre's subtree: everyone but finance
                Set<UUID> s = new HashSet<>();
                everyone.stream().filter(x -> x != finance).forEach(x -> s.add(x.id()));
                yield s;
            }
            default -> Set.of(m.id());
        };
    }

    /** The nearest unit manager above the person who is not the person (as the org directory answers). */
    public Member managerOf(UUID id) {
        return bosses.get(id);
    }
}
