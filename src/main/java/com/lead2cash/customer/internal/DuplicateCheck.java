package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory.CustomerMatch;
import com.lead2cash.customer.DuplicateDisclosure;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
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
    /** Probes asked in one statement: its arrays stay small and its answer at most 40 rows a probe. */
    private static final int PROBES_PER_QUERY = 500;
    /**
     * The most keys {@link #lockKeys} holds one by one: an import batch's (500 rows, a name and a credit code each),
     * a small share of the database's lock table (64 a connection by default).
     */
    private static final int MOST_KEYS_HELD = 1_000;
    /** The lock every holder of keys shares, and a holder of more than {@value #MOST_KEYS_HELD} takes alone. */
    private static final String GATE = "customer-keys";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final OrgDirectory directory;
    private final FieldRules fieldRules;

    DuplicateCheck(JdbcClient jdbc, CustomerAccess access, OrgDirectory directory, FieldRules fieldRules) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.fieldRules = fieldRules;
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

    /**
     * Makes registrations, corrections and imports that may be duplicates of each other take turns (查重 under
     * concurrency): until the current transaction ends, it holds a lock on each name (as compared) and credit code of
     * the probes — the keys a customer is matched on — so another transaction about to store a customer with one of
     * them waits for this one, then finds what it stored. Taken before the check, in one statement and one fixed order
     * (a transaction waits for another only on keys in ascending order), and again by the store of each customer (the
     * same transaction holds it already). Across nodes: the locks are the database's.
     *
     * <p>Every holder of keys also shares one gate. Probes of more than {@value #MOST_KEYS_HELD} keys (an
     * all-or-nothing import of a large file, which holds them all until it commits) take the gate alone instead,
     * exclusively: one lock rather than thousands, which would fill the database's lock table; registrations and other
     * imports wait for such an import, as they would for its keys. Call it once per transaction with such probes,
     * before any other lock of the customer module (then it waits holding nothing).
     */
    public void lockKeys(Collection<CompanyKeys> probes) {
        TreeSet<String> keys = new TreeSet<>();
        for (CompanyKeys p : probes) {
            if (!p.name().isEmpty()) {
                keys.add("customer-name:" + p.name());
            }
            if (p.uscc() != null) {
                keys.add("customer-uscc:" + p.uscc());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() > MOST_KEYS_HELD) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:gate, 0))").param("gate", GATE)
                    .query((rs, i) -> 1).list();
            return;
        }
        // the gate shared first, then the keys ordered by the lock's own number: two keys of one hash are one lock,
        // taken once and in its place
        jdbc.sql("""
                select case when k.gate then pg_advisory_xact_lock_shared(k.h) else pg_advisory_xact_lock(k.h) end
                from (select true as gate, hashtextextended(:gate, 0) as h
                      union all
                      select distinct false, hashtextextended(key, 0) from unnest(cast(:keys as text[])) as key) k
                order by k.gate desc, k.h""")
                .param("gate", GATE).param("keys", keys.toArray(String[]::new)).query((rs, i) -> 1).list();
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
        return DuplicateDisclosure.disclose(found, directory, fieldRules).stream().filter(DuplicateDisclosure.Disclosed::told)
                .map(d -> new Match(d.id(), d.code(), d.name(), d.matchedOn(), d.visible(), d.ownerId(), d.ownerName()))
                .toList();
    }

    /**
     * The possible duplicates a correction of the profile makes: those matched on a key it changes (the name as
     * compared, or the credit code), disclosed as {@link #find} discloses them; none when it changes neither (a
     * customer kept despite its duplicates is not asked again for an edit of its address).
     */
    public List<Match> madeBy(String nameBefore, String usccBefore, String nameAfter, String usccAfter, UUID self) {
        CompanyKeys was = CompanyKeys.of(nameBefore, usccBefore, null, null);
        CompanyKeys is = CompanyKeys.of(nameAfter, usccAfter, null, null);
        Set<String> changed = new HashSet<>();
        if (!was.name().equals(is.name())) {
            changed.add(CompanyKeys.Evidence.NAME.name());
        }
        if (!java.util.Objects.equals(was.uscc(), is.uscc())) {
            changed.add(CompanyKeys.Evidence.USCC.name());
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        return find(is, self).stream().filter(m -> m.matchedOn().stream().anyMatch(changed::contains)).toList();
    }

    /**
     * Possible duplicates of many probes at once (an import's rows), each answered as {@link #find} answers
     * it alone, from one query per {@value #PROBES_PER_QUERY} probes and one look-up of the owners' names.
     */
    public Map<CompanyKeys, List<Match>> findAll(Collection<CompanyKeys> probes) {
        Map<CompanyKeys, List<CustomerMatch>> candidates = candidates(probes);
        Predicate<UUID> visible = candidates.values().stream().allMatch(List::isEmpty) ? owner -> false
                : access.visibleOwners();
        List<DuplicateDisclosure.Found> found = new ArrayList<>();
        candidates.values().forEach(matches -> matches.forEach(c -> found.add(new DuplicateDisclosure.Found("CUSTOMER",
                c.id(), c.code(), c.name(), null, c.matchedOn(), c.ownerId(), visible.test(c.ownerId())))));
        Iterator<DuplicateDisclosure.Disclosed> disclosed = DuplicateDisclosure.disclose(found, directory, fieldRules).iterator();
        Map<CompanyKeys, List<Match>> all = new LinkedHashMap<>();
        candidates.forEach((probe, matches) -> {
            List<Match> cut = new ArrayList<>(matches.size());
            for (int i = 0; i < matches.size(); i++) {
                DuplicateDisclosure.Disclosed d = disclosed.next();
                if (!d.told()) {
                    continue;
                }
                cut.add(new Match(d.id(), d.code(), d.name(), d.matchedOn(), d.visible(), d.ownerId(), d.ownerName()));
            }
            all.put(probe, cut);
        });
        return all;
    }

    /**
     * {@link #candidates(CompanyKeys, UUID)} of many probes at once. Each probe gets one plain index
     * look-up per key it has (a key it lacks is null and finds nothing), all of them in one lateral join —
     * no OR between keys, whose plan depends on statistics a freshly filled table does not have yet — and
     * keeps at most {@value #LIMIT} candidates found by name or code and {@value #LIMIT} contact rows found
     * by phone or e-mail, as it would alone.
     */
    public Map<CompanyKeys, List<CustomerMatch>> candidates(Collection<CompanyKeys> probes) {
        Map<CompanyKeys, List<CustomerMatch>> all = new LinkedHashMap<>();
        List<CompanyKeys> asked = new ArrayList<>();
        for (CompanyKeys probe : probes) {
            if (all.putIfAbsent(probe, List.of()) == null && !probe.isEmpty()) {
                asked.add(probe);
            }
        }
        for (int from = 0; from < asked.size(); from += PROBES_PER_QUERY) {
            List<CompanyKeys> chunk = asked.subList(from, Math.min(asked.size(), from + PROBES_PER_QUERY));
            List<Map<UUID, Candidate>> found = new ArrayList<>();
            List<Set<UUID>> byCompany = new ArrayList<>();
            int[] byContact = new int[chunk.size()];
            chunk.forEach(p -> {
                found.add(new LinkedHashMap<>());
                byCompany.add(new HashSet<>());
            });
            jdbc.sql("""
                    select p.n, c.* from unnest(cast(:names as text[]), cast(:usccs as text[]), cast(:phones as text[]),
                            cast(:emails as text[])) with ordinality as p(name, uscc, phone, email, n)
                    cross join lateral (
                        (select 0 as via, id, code, name, owner_id, name_normalized, uscc, null as phone_normalized,
                                null as email_normalized
                         from customer_customer where name_normalized = p.name and merged_into_id is null limit %1$d)
                        union all
                        (select 0, id, code, name, owner_id, name_normalized, uscc, null, null
                         from customer_customer where uscc = p.uscc and merged_into_id is null limit %1$d)
                        union all
                        (select 1, c.id, c.code, c.name, c.owner_id, null, null, k.phone_normalized, k.email_normalized
                         from customer_contact k join customer_customer c on c.id = k.customer_id
                         where k.phone_normalized = p.phone and c.merged_into_id is null limit %1$d)
                        union all
                        (select 1, c.id, c.code, c.name, c.owner_id, null, null, k.phone_normalized, k.email_normalized
                         from customer_contact k join customer_customer c on c.id = k.customer_id
                         where k.email_normalized = p.email and c.merged_into_id is null limit %1$d)) c""".formatted(LIMIT))
                    .param("names", chunk.stream().map(p -> p.name().isEmpty() ? null : p.name()).toArray(String[]::new))
                    .param("usccs", chunk.stream().map(CompanyKeys::uscc).toArray(String[]::new))
                    .param("phones", chunk.stream().map(CompanyKeys::phone).toArray(String[]::new))
                    .param("emails", chunk.stream().map(CompanyKeys::email).toArray(String[]::new))
                    .query(rs -> {
                        int probe = rs.getInt("n") - 1;
                        int via = rs.getInt("via");
                        UUID id = rs.getObject("id", UUID.class);
                        // by name or code each customer counts once, by phone or e-mail each contact row
                        boolean keep = via == 0 ? byCompany.get(probe).contains(id) || byCompany.get(probe).size() < LIMIT
                                : byContact[probe] < LIMIT;
                        if (!keep) {
                            return;
                        }
                        if (via == 0) {
                            byCompany.get(probe).add(id);
                        } else {
                            byContact[probe]++;
                        }
                        found.get(probe).computeIfAbsent(id, k -> candidate(rs)).keys().add(new CompanyKeys(
                                rs.getString("name_normalized"), rs.getString("uscc"), rs.getString("phone_normalized"),
                                rs.getString("email_normalized")));
                    });
            for (int i = 0; i < chunk.size(); i++) {
                all.put(chunk.get(i), matches(chunk.get(i), found.get(i).values()));
            }
        }
        return all;
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
        return matches(probe, found.values());
    }

    /** The candidates that share a key with the probe, with what they share. */
    private static List<CustomerMatch> matches(CompanyKeys probe, Collection<Candidate> candidates) {
        List<CustomerMatch> matches = new ArrayList<>();
        for (Candidate c : candidates) {
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
