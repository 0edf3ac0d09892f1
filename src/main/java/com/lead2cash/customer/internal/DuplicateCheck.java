package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory.CustomerMatch;
import com.lead2cash.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Duplicate check (查重) against customers: candidates are looked up by the company keys (indexed
 * name key and credit code on the customer, phone and e-mail on its contacts), {@link CompanyKeys}
 * decides what matched, and what the reader may not see is reported without disclosure.
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
        List<CustomerMatch> found = candidates(probe, except);
        Set<UUID> owners = new HashSet<>();
        found.forEach(c -> owners.add(c.ownerId()));
        owners.remove(null);
        Map<UUID, OrgDirectory.Person> people = owners.isEmpty() ? Map.of() : directory.people(owners);
        List<Match> matches = new ArrayList<>();
        for (CustomerMatch c : found) {
            String ownerName = c.ownerId() == null || !people.containsKey(c.ownerId()) ? null
                    : people.get(c.ownerId()).displayName();
            if (access.isVisible(c.ownerId())) {
                matches.add(new Match(c.id(), c.code(), c.name(), c.matchedOn(), true, c.ownerId(), ownerName));
            } else {
                matches.add(new Match(null, null, null, c.matchedOn(), false, null, ownerName));
            }
        }
        return matches;
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
        if (!probe.name().isEmpty() || probe.uscc() != null) {
            // each branch is a plain index lookup; only the evidence the probe has is asked for
            String where = !probe.name().isEmpty() && probe.uscc() != null ? "(name_normalized = :name or uscc = :uscc)"
                    : !probe.name().isEmpty() ? "name_normalized = :name" : "uscc = :uscc";
            jdbc.sql("select id, code, name, name_normalized, uscc, owner_id from customer_customer where "
                            + where + " and merged_into_id is null limit " + LIMIT)
                    .param("name", probe.name()).param("uscc", probe.uscc())
                    .query(rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        found.computeIfAbsent(id, k -> candidate(rs)).keys().add(
                                new CompanyKeys(rs.getString("name_normalized"), rs.getString("uscc"), null, null));
                    });
        }
        if (probe.phone() != null || probe.email() != null) {
            String where = probe.phone() != null && probe.email() != null
                    ? "(k.phone_normalized = :phone or k.email_normalized = :email)"
                    : probe.phone() != null ? "k.phone_normalized = :phone" : "k.email_normalized = :email";
            jdbc.sql("""
                            select c.id, c.code, c.name, c.owner_id, k.phone_normalized, k.email_normalized
                            from customer_contact k join customer_customer c on c.id = k.customer_id
                            where c.merged_into_id is null""" + " and " + where + " limit " + LIMIT)
                    .param("phone", probe.phone()).param("email", probe.email())
                    .query(rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        found.computeIfAbsent(id, k -> candidate(rs)).keys().add(new CompanyKeys(null, null,
                                rs.getString("phone_normalized"), rs.getString("email_normalized")));
                    });
        }
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
