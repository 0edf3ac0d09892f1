package com.lead2cash.lead.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Duplicate check (查重) on every capture path: normalised company name, phone, e-mail and unified
 * social credit code, against existing leads and customers. It finds candidates; people decide.
 *
 * <p>It discloses nothing outside the asker's reach: a match within their scope comes with its
 * details; any other only says that a record of another team matches, on what, and who owns it — so
 * the rep knows whom to ask — without its id, code, company or contact data. Nobody signed in (a web
 * form) reaches nothing.
 */
@Component
class DuplicateFinder {

    /**
     * A possible duplicate: a LEAD or a CUSTOMER and what matched. Outside the asker's scope
     * ({@code inScope} false) id, code, name and status are null.
     *
     * @param mergeable a lead the asker may merge the capture into
     */
    record Duplicate(String kind, boolean inScope, UUID id, String code, String name, String status,
                     List<String> matchedOn, String ownerName, boolean mergeable) {
    }

    /** A match as found, before it is cut to what the asker may see. */
    private record Match(String kind, UUID id, String code, String name, String status, List<String> matchedOn,
                         UUID ownerId, UUID capturedBy) {
    }

    /** The evidence a draft has, normalised: what leads and customers are compared on. */
    private record Evidence(String name, String phone, String email, String uscc) {
        static Evidence of(LeadDraft d) {
            return new Evidence(CompanyNames.normalize(d.companyName()), PhoneNumbers.normalize(d.phone()),
                    EmailAddresses.normalize(d.email()), d.uscc());
        }

        List<String> keys() {
            List<String> keys = new ArrayList<>();
            if (!name.isEmpty()) {
                keys.add("N" + name);
            }
            if (phone != null) {
                keys.add("P" + phone);
            }
            if (email != null) {
                keys.add("E" + email);
            }
            if (uscc != null) {
                keys.add("U" + uscc);
            }
            return keys;
        }

        CustomerDirectory.CompanyProbe probe(LeadDraft d) {
            return new CustomerDirectory.CompanyProbe(d.companyName(), d.uscc(), d.phone(), d.email());
        }
    }

    /** A lead as the duplicate check compares it. */
    private record Candidate(UUID id, String code, String name, String status, Evidence evidence, UUID ownerId,
                             UUID capturedBy) {
        Match against(Evidence draft) {
            return new Match("LEAD", id, code, name, status, matched(draft, evidence), ownerId, capturedBy);
        }
    }

    /**
     * Candidates fetched for a whole batch of drafts in this transaction (an import): the leads and
     * customers sharing any of their evidence, so that checking each draft asks the database nothing.
     * A draft sharing evidence with an earlier draft of the batch is checked with a query, which sees
     * the lead that earlier draft became.
     */
    private static final class Prefetched {
        final Set<String> keys = new HashSet<>();
        final Map<String, List<Candidate>> leads = new HashMap<>();
        final Map<CustomerDirectory.CompanyProbe, List<CustomerDirectory.CustomerMatch>> customers = new HashMap<>();
        final Set<String> claimed = new HashSet<>();
    }

    private static final String CANDIDATE_COLUMNS = "id, code, company_name, status, company_name_normalized,"
            + " phone_normalized, email_normalized, uscc, owner_id, captured_by";

    private final Object prefetchedKey = new Object();
    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final DeferredInserts inserts;
    private final DataScope dataScope;
    private final OrgDirectory directory;

    DuplicateFinder(JdbcClient jdbc, CustomerDirectory customers, DeferredInserts inserts, DataScope dataScope,
                    OrgDirectory directory) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.inserts = inserts;
        this.dataScope = dataScope;
        this.directory = directory;
    }

    /** Fetches the candidates of all these drafts in two or three queries, for the checks this transaction will make. */
    void prefetch(List<LeadDraft> drafts) {
        inserts.flush();
        Prefetched prefetched = PerTransaction.get(prefetchedKey, Prefetched::new);
        List<Evidence> all = drafts.stream().map(Evidence::of).toList();
        Set<String> names = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> usccs = new HashSet<>();
        all.forEach(e -> {
            if (!e.name().isEmpty()) {
                names.add(e.name());
            }
            if (e.phone() != null) {
                phones.add(e.phone());
            }
            if (e.email() != null) {
                emails.add(e.email());
            }
            if (e.uscc() != null) {
                usccs.add(e.uscc());
            }
            prefetched.keys.addAll(e.keys());
        });
        if (!prefetched.keys.isEmpty()) {
            jdbc.sql("select " + CANDIDATE_COLUMNS + " from lead_lead where company_name_normalized in (:names)"
                            + " or phone_normalized in (:phones) or email_normalized in (:emails) or uscc in (:usccs)")
                    .param("names", orNone(names)).param("phones", orNone(phones)).param("emails", orNone(emails))
                    .param("usccs", orNone(usccs))
                    .query((rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getString("company_name"), rs.getString("status"),
                            new Evidence(rs.getString("company_name_normalized"), rs.getString("phone_normalized"),
                                    rs.getString("email_normalized"), rs.getString("uscc")),
                            rs.getObject("owner_id", UUID.class), rs.getObject("captured_by", UUID.class)))
                    .list().forEach(c -> c.evidence().keys().forEach(k -> prefetched.leads
                            .computeIfAbsent(k, x -> new ArrayList<>()).add(c)));
        }
        List<CustomerDirectory.CompanyProbe> probes = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            probes.add(all.get(i).probe(drafts.get(i)));
        }
        prefetched.customers.putAll(customers.possibleDuplicates(probes));
    }

    List<Duplicate> find(LeadDraft d, UUID excludeLeadId) {
        Evidence e = Evidence.of(d);
        List<Match> found = null;
        if (TransactionSynchronizationManager.isSynchronizationActive() && excludeLeadId == null) {
            found = prefetched(d, e);
        }
        if (found == null) {
            // leads this transaction created may still wait in its deferred inserts: the query must see them
            inserts.flush();
            List<Match> queried = new ArrayList<>(leads(e, excludeLeadId));
            customers.possibleDuplicates(e.probe(d)).forEach(c -> queried.add(customerMatch(c)));
            found = queried;
        }
        return disclosed(found);
    }

    /** The matches from this transaction's prefetched candidates, or null when they cannot answer for this draft. */
    private List<Match> prefetched(LeadDraft d, Evidence e) {
        Prefetched prefetched = PerTransaction.get(prefetchedKey, Prefetched::new);
        List<String> keys = e.keys();
        boolean answerable = prefetched.keys.containsAll(keys) && keys.stream().noneMatch(prefetched.claimed::contains)
                && prefetched.customers.containsKey(e.probe(d));
        prefetched.claimed.addAll(keys);
        if (!answerable) {
            return null;
        }
        List<Match> found = new ArrayList<>(keys.stream()
                .flatMap(k -> prefetched.leads.getOrDefault(k, List.of()).stream()).distinct()
                .map(c -> c.against(e))
                .sorted(Comparator.comparing(Match::id).reversed()).limit(20).toList());
        prefetched.customers.get(e.probe(d)).forEach(c -> found.add(customerMatch(c)));
        return found;
    }

    private static Match customerMatch(CustomerDirectory.CustomerMatch c) {
        return new Match("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn(), c.ownerId(), null);
    }

    private List<Match> leads(Evidence e, UUID excludeLeadId) {
        // only the evidence this draft has, so every branch is a plain index lookup
        List<String> conditions = new ArrayList<>();
        if (!e.name().isEmpty()) {
            conditions.add("company_name_normalized = :name");
        }
        if (e.phone() != null) {
            conditions.add("phone_normalized = :phone");
        }
        if (e.email() != null) {
            conditions.add("email_normalized = :email");
        }
        if (e.uscc() != null) {
            conditions.add("uscc = :uscc");
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        // the matches are few: sorting them here keeps the query a plain lookup on the evidence indexes
        return jdbc.sql("select " + CANDIDATE_COLUMNS + " from lead_lead where (" + String.join(" or ", conditions) + ")"
                        + (excludeLeadId != null ? " and id <> :exclude" : "") + " limit 50")
                .param("name", e.name()).param("phone", e.phone()).param("email", e.email()).param("uscc", e.uscc())
                .param("exclude", excludeLeadId)
                .query((rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("company_name"), rs.getString("status"),
                        new Evidence(rs.getString("company_name_normalized"), rs.getString("phone_normalized"),
                                rs.getString("email_normalized"), rs.getString("uscc")),
                        rs.getObject("owner_id", UUID.class), rs.getObject("captured_by", UUID.class)).against(e))
                .list().stream()
                // ids are time-ordered: newest first without asking the database to sort
                .sorted(Comparator.comparing(Match::id).reversed()).limit(20).toList();
    }

    /** What a candidate shares with the draft: NAME, PHONE, EMAIL, USCC. */
    private static List<String> matched(Evidence draft, Evidence candidate) {
        List<String> matched = new ArrayList<>();
        if (!draft.name().isEmpty() && draft.name().equals(candidate.name())) {
            matched.add("NAME");
        }
        if (draft.phone() != null && draft.phone().equals(candidate.phone())) {
            matched.add("PHONE");
        }
        if (draft.email() != null && draft.email().equals(candidate.email())) {
            matched.add("EMAIL");
        }
        if (draft.uscc() != null && draft.uscc().equals(candidate.uscc())) {
            matched.add("USCC");
        }
        return matched;
    }

    private static Set<String> orNone(Set<String> keys) {
        return keys.isEmpty() ? Set.of("") : keys;
    }

    /** Cuts every match to what the asker may know of it. */
    private List<Duplicate> disclosed(List<Match> matches) {
        UUID me = CurrentUser.get().map(CurrentUser::id).orElse(null);
        // an import checks thousands of rows in one transaction: the asker's scope is read once for them all
        Scope scope = me == null ? null : PerTransaction.get(Scope.class, dataScope::current);
        Set<UUID> hidden = new HashSet<>();
        matches.stream().filter(m -> !reaches(m, me, scope) && m.ownerId() != null).forEach(m -> hidden.add(m.ownerId()));
        Map<UUID, OrgDirectory.Person> owners = hidden.isEmpty() ? Map.of() : directory.people(hidden);
        return matches.stream().map(m -> {
            if (reaches(m, me, scope)) {
                boolean mergeable = m.kind().equals("LEAD") && inHand(m, scope)
                        && !LeadStatus.valueOf(m.status()).isClosed();
                return new Duplicate(m.kind(), true, m.id(), m.code(), m.name(), m.status(), m.matchedOn(), null,
                        mergeable);
            }
            OrgDirectory.Person owner = m.ownerId() == null ? null : owners.get(m.ownerId());
            return new Duplicate(m.kind(), false, null, null, null, null, m.matchedOn(),
                    owner == null ? null : owner.displayName(), false);
        }).toList();
    }

    /** Whether the asker may read the record: unowned, owned within their scope, or a lead they captured. */
    private static boolean reaches(Match m, UUID me, Scope scope) {
        return me != null && (inHand(m, scope) || me.equals(m.capturedBy()));
    }

    private static boolean inHand(Match m, Scope scope) {
        return scope != null && (m.ownerId() == null || scope.covers(m.ownerId()));
    }
}
