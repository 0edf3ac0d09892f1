package com.lead2cash.lead.internal.routing;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 销售区域 — which leads (by industry, region, product line; empty = any) go to which reps, and the
 * manager whose queue takes them when no rep fits ({@link RoutingEngine}). Regions are administrative
 * division codes (a province covers its cities and counties); see {@link Territory}.
 */
@Table("lead_territory")
public class SalesTerritory {

    @Id
    private UUID id;
    private String name;
    private String industries;
    private String regions;
    private String productLines;
    private UUID managerId;
    @MappedCollection(idColumn = "lead_territory")
    private Set<Member> members;
    @Version
    private Long version;
    private Instant createdAt;

    @PersistenceCreator
    SalesTerritory(UUID id, String name, String industries, String regions, String productLines, UUID managerId,
                   Set<Member> members, Long version, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.industries = industries;
        this.regions = regions;
        this.productLines = productLines;
        this.managerId = managerId;
        this.members = members;
        this.version = version;
        this.createdAt = createdAt;
    }

    static SalesTerritory define(String name, Collection<String> industries, Collection<String> regions,
                                 Collection<String> productLines, UUID managerId, Collection<UUID> reps, Instant now) {
        SalesTerritory t = new SalesTerritory(Ids.newId(), null, "", "", "", null, Set.of(), null, now);
        t.change(name, industries, regions, productLines, managerId, reps);
        return t;
    }

    void change(String name, Collection<String> industries, Collection<String> regions, Collection<String> productLines,
                UUID managerId, Collection<UUID> reps) {
        String stripped = com.lead2cash.platform.InputRules.trimToNull(name);
        if (stripped == null) {
            throw new FieldValidationException("name", "territory.name.required");
        }
        if (name.length() > 100) {
            throw new FieldValidationException("name", "territory.name.invalid");
        }
        this.name = stripped;
        this.industries = join(industries);
        this.regions = join(regions);
        this.productLines = join(productLines);
        this.managerId = managerId;
        this.members = reps == null ? Set.of() : reps.stream().map(Member::new).collect(Collectors.toSet());
    }

    /**
     * Docs/decisions/0093: its manager left the team (moved out of their unit) or lost their managing role: nobody
     * manages it — its leads wait in the general queue and it belongs to no team (0035) — until an administrator
     * appoints another.
     */
    void managedByNobody() {
        this.managerId = null;
    }

    /** The routing engine's view of this territory. */
    Territory forRouting() {
        return new Territory(id, name, split(industries), split(regions), split(productLines), managerId,
                members.stream().map(Member::userId).collect(Collectors.toSet()));
    }

    public static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split("[,，、;；\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String join(Collection<String> values) {
        if (values == null) {
            return "";
        }
        return values.stream().flatMap(v -> split(v).stream()).distinct().collect(Collectors.joining(","));
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String industries() { return industries; }
    public String regions() { return regions; }
    /** Division codes, or text kept from before regions were divisions. */
    public List<String> regionEntries() { return List.copyOf(split(regions)); }
    public String productLines() { return productLines; }
    public UUID managerId() { return managerId; }
    public Set<UUID> memberIds() { return members.stream().map(Member::userId).collect(Collectors.toSet()); }
    public Long version() { return version; }

    void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    @Table("lead_territory_member")
    record Member(UUID userId) {
    }
}
