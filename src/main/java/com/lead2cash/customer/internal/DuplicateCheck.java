package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory.CustomerMatch;
import com.lead2cash.customer.DuplicateDisclosure;
import com.lead2cash.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Duplicate check (查重) against customers: candidates are looked up by the company keys (indexed
 * name key and credit code on the customer, phone and e-mail on its contacts), {@link CompanyKeys}
 * decides what matched, and {@link DuplicateDisclosure} what the reader may know of each.
 */
@Component
public class DuplicateCheck {

    private static final int LIMIT = 20;

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final OrgDirectory directory;

    DuplicateCheck(JdbcClient jdbc, CustomerAccess access, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
    }

    private record Candidate(UUID id, String code, String name, UUID ownerId, List<CompanyKeys> keys) {
    }

    /**
     * A possible duplicate as a reader of the customer module may know it. {@code visible} false: a
     * record of another team — {@code id}, {@code code} and {@code name} are null and only the owner's
     * name says whom to ask.
     */
    public record Match(UUID id, String code, String name, List<String> matchedOn, boolean visible, UUID ownerId,
                        String ownerName) {
    }

    public List<Match> find(String name, String uscc, String phone, String email) {
        return find(CompanyKeys.of(name, uscc, phone, email), null);
    }

    /** Possible duplicates of the probe, excluding {@code except} (the customer itself when it is edited). */
    public List<Match> find(CompanyKeys probe, UUID except) {
        List<DuplicateDisclosure.Found> found = candidates(probe, except).stream()
                .map(c -> new DuplicateDisclosure.Found("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn(),
                        c.ownerId(), access.isVisible(c.ownerId())))
                .toList();
        return DuplicateDisclosure.disclose(found, directory).stream()
                .map(d -> new Match(d.id(), d.code(), d.name(), d.matchedOn(), d.visible(), d.ownerId(), d.ownerName()))
                .toList();
    }

    /**
     * Possible duplicates whoever owns them, with what matched: for a module that discloses them to its
     * reader itself (the lead capture).
     */
    public List<CustomerMatch> candidates(CompanyKeys probe, UUID except) {
        if (probe.isEmpty()) {
            return List.of();
        }
        Map<UUID, Candidate> found = new LinkedHashMap<>();
        // one round trip: each branch is a plain index lookup, and only the evidence the probe has is asked for
        List<String> branches = new ArrayList<>();
        if (!probe.name().isEmpty() || probe.uscc() != null) {
            String where = !probe.name().isEmpty() && probe.uscc() != null ? "(name_normalized = :name or uscc = :uscc)"
                    : !probe.name().isEmpty() ? "name_normalized = :name" : "uscc = :uscc";
            branches.add("(select id, code, name, owner_id, name_normalized, uscc, null as phone_normalized,"
                    + " null as email_normalized from customer_customer where " + where
                    + " and merged_into_id is null limit " + LIMIT + ")");
        }
        if (probe.phone() != null || probe.email() != null) {
            String where = probe.phone() != null && probe.email() != null
                    ? "(k.phone_normalized = :phone or k.email_normalized = :email)"
                    : probe.phone() != null ? "k.phone_normalized = :phone" : "k.email_normalized = :email";
            branches.add("(select c.id, c.code, c.name, c.owner_id, null as name_normalized, null as uscc,"
                    + " k.phone_normalized, k.email_normalized"
                    + " from customer_contact k join customer_customer c on c.id = k.customer_id"
                    + " where c.merged_into_id is null and " + where + " limit " + LIMIT + ")");
        }
        jdbc.sql(String.join(" union all ", branches))
                .param("name", probe.name()).param("uscc", probe.uscc())
                .param("phone", probe.phone()).param("email", probe.email())
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    found.computeIfAbsent(id, k -> candidate(rs)).keys().add(new CompanyKeys(
                            rs.getString("name_normalized"), rs.getString("uscc"), rs.getString("phone_normalized"),
                            rs.getString("email_normalized")));
                });
        found.remove(except);
        List<CustomerMatch> matches = new ArrayList<>();
        for (Candidate c : found.values()) {
            List<String> matchedOn = CompanyKeys.names(probe.matchedBy(c.keys()));
            if (!matchedOn.isEmpty()) {
                matches.add(new CustomerMatch(c.id(), c.code(), c.name(), c.ownerId(), matchedOn));
            }
        }
        return matches;
    }

    private static Candidate candidate(java.sql.ResultSet rs) {
        try {
            return new Candidate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                    rs.getObject("owner_id", UUID.class), new ArrayList<>());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
