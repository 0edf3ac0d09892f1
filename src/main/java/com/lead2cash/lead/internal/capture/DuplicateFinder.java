package com.lead2cash.lead.internal.capture;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.DuplicateDisclosure;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.lead.internal.domain.Lead;
import com.lead2cash.lead.internal.domain.LeadDraft;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * social credit code, against existing leads and customers. It finds candidates; people decide. What
 * counts as the same company is {@link CompanyKeys}'s rule and what the asker learns of a match
 * {@link DuplicateDisclosure}'s, the same as for customers; this class decides only whom a lead is
 * readable by: within their scope, or captured by them. Nobody signed in (a web form) reaches nothing.
 */
@Component
public class DuplicateFinder {

    /**
     * A possible duplicate: a LEAD or a CUSTOMER and what matched. Outside the asker's scope
     * ({@code inScope} false) id, code, name and status are null.
     *
     * @param mergeable a lead the asker may merge the capture into
     */
    public record Duplicate(String kind, boolean inScope, UUID id, String code, String name, String status,
                     List<String> matchedOn, String ownerName, boolean mergeable) {
    }

    /** A match as found, before it is cut to what the asker may see. */
    private record Match(String kind, UUID id, String code, String name, String status, List<String> matchedOn,
                         UUID ownerId, UUID capturedBy) {
    }

    /** The draft as the customer module's duplicate check is asked about it. */
    private static CustomerDirectory.CompanyProbe probe(LeadDraft d) {
        return new CustomerDirectory.CompanyProbe(d.companyName(), d.uscc(), d.phone(), d.email());
    }

    /** Keys of the prefetched candidates: one per piece of evidence a record has. */
    private static List<String> keys(CompanyKeys k) {
        List<String> keys = new ArrayList<>();
        if (!k.name().isEmpty()) {
            keys.add("N" + k.name());
        }
        if (k.phone() != null) {
            keys.add("P" + k.phone());
        }
        if (k.email() != null) {
            keys.add("E" + k.email());
        }
        if (k.uscc() != null) {
            keys.add("U" + k.uscc());
        }
        return keys;
    }

    /** A lead as the duplicate check compares it. */
    private record Candidate(UUID id, String code, String name, String status, CompanyKeys evidence, UUID ownerId,
                             UUID capturedBy) {
        Match against(CompanyKeys draft) {
            return new Match("LEAD", id, code, name, status, CompanyKeys.names(draft.matchedBy(evidence)), ownerId,
                    capturedBy);
        }

        static Candidate read(ResultSet rs) throws SQLException {
            return new Candidate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("company_name"),
                    rs.getString("status"), new CompanyKeys(rs.getString("company_name_normalized"), rs.getString("uscc"),
                            rs.getString("phone_normalized"), rs.getString("email_normalized")),
                    rs.getObject("owner_id", UUID.class), rs.getObject("captured_by", UUID.class));
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
    private final FieldRules fieldRules;

    DuplicateFinder(JdbcClient jdbc, CustomerDirectory customers, DeferredInserts inserts, DataScope dataScope,
                    OrgDirectory directory, FieldRules fieldRules) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.inserts = inserts;
        this.dataScope = dataScope;
        this.directory = directory;
        this.fieldRules = fieldRules;
    }

    /** Fetches the candidates of all these drafts in two or three queries, for the checks this transaction will make. */
    public void prefetch(List<LeadDraft> drafts) {
        inserts.flush();
        Prefetched prefetched = PerTransaction.get(prefetchedKey, Prefetched::new);
        List<CompanyKeys> all = drafts.stream().map(d -> probe(d).keys()).toList();
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
            prefetched.keys.addAll(keys(e));
        });
        if (!prefetched.keys.isEmpty()) {
            jdbc.sql("select " + CANDIDATE_COLUMNS + " from lead_lead where company_name_normalized in (:names)"
                            + " or phone_normalized in (:phones) or email_normalized in (:emails) or uscc in (:usccs)")
                    .param("names", orNone(names)).param("phones", orNone(phones)).param("emails", orNone(emails))
                    .param("usccs", orNone(usccs))
                    .query((rs, i) -> Candidate.read(rs))
                    .list().forEach(c -> keys(c.evidence()).forEach(k -> prefetched.leads
                            .computeIfAbsent(k, x -> new ArrayList<>()).add(c)));
        }
        prefetched.customers.putAll(customers.possibleDuplicates(drafts.stream().map(DuplicateFinder::probe).toList()));
    }

    List<Duplicate> find(LeadDraft d, UUID excludeLeadId) {
        CompanyKeys e = probe(d).keys();
        List<Match> found = null;
        if (TransactionSynchronizationManager.isSynchronizationActive() && excludeLeadId == null) {
            found = prefetched(d, e);
        }
        if (found == null) {
            found = queried(probe(d), excludeLeadId, null);
        }
        return disclosed(found);
    }

    /**
     * The possible duplicates of a stored lead, found as its capture found them and told this reader by the same
     * rule: the lead itself and the customer it became left out; none to merge into (merging happens at capture).
     */
    public List<Duplicate> of(Lead lead) {
        return disclosed(queried(new CustomerDirectory.CompanyProbe(lead.companyName(), lead.uscc(), lead.phone(),
                lead.email()), lead.id(), lead.customerId())).stream()
                .map(d -> new Duplicate(d.kind(), d.inScope(), d.id(), d.code(), d.name(), d.status(), d.matchedOn(),
                        d.ownerName(), false)).toList();
    }

    private List<Match> queried(CustomerDirectory.CompanyProbe probe, UUID excludeLeadId, UUID excludeCustomerId) {
        // leads this transaction created may still wait in its deferred inserts: the query must see them
        inserts.flush();
        List<Match> queried = new ArrayList<>(leads(probe.keys(), excludeLeadId));
        customers.possibleDuplicates(probe).stream().filter(c -> !c.id().equals(excludeCustomerId))
                .forEach(c -> queried.add(customerMatch(c)));
        return queried;
    }

    /** The matches from this transaction's prefetched candidates, or null when they cannot answer for this draft. */
    private List<Match> prefetched(LeadDraft d, CompanyKeys e) {
        Prefetched prefetched = PerTransaction.get(prefetchedKey, Prefetched::new);
        List<String> keys = keys(e);
        boolean answerable = prefetched.keys.containsAll(keys) && keys.stream().noneMatch(prefetched.claimed::contains)
                && prefetched.customers.containsKey(probe(d));
        prefetched.claimed.addAll(keys);
        if (!answerable) {
            return null;
        }
        List<Match> found = new ArrayList<>(keys.stream()
                .flatMap(k -> prefetched.leads.getOrDefault(k, List.of()).stream()).distinct()
                .map(c -> c.against(e))
                .sorted(Comparator.comparing(Match::id).reversed()).limit(20).toList());
        prefetched.customers.get(probe(d)).forEach(c -> found.add(customerMatch(c)));
        return found;
    }

    private static Match customerMatch(CustomerDirectory.CustomerMatch c) {
        return new Match("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn(), c.ownerId(), null);
    }

    private List<Match> leads(CompanyKeys e, UUID excludeLeadId) {
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
                .query((rs, i) -> Candidate.read(rs).against(e))
                .list().stream()
                // ids are time-ordered: newest first without asking the database to sort
                .sorted(Comparator.comparing(Match::id).reversed()).limit(20).toList();
    }

    private static Set<String> orNone(Set<String> keys) {
        return keys.isEmpty() ? Set.of("") : keys;
    }

    /** Cuts every match to what the asker may know of it, by the rule every duplicate list follows. */
    private List<Duplicate> disclosed(List<Match> matches) {
        UUID me = CurrentUser.get().map(CurrentUser::id).orElse(null);
        // an import checks thousands of rows in one transaction: the asker's scope is read once for them all;
        // captures grouped in one transaction (LeadCapture.together) each have their own asker
        Scope scope = me == null ? null : PerTransaction.get(Scope.class, HashMap<UUID, Scope>::new)
                .computeIfAbsent(me, m -> dataScope.current());
        List<DuplicateDisclosure.Found> found = matches.stream().map(m -> new DuplicateDisclosure.Found(m.kind(),
                m.id(), m.code(), m.name(), m.status(), m.matchedOn(), m.ownerId(), reaches(m, me, scope))).toList();
        List<DuplicateDisclosure.Disclosed> disclosed = DuplicateDisclosure.disclose(found, directory, fieldRules);
        List<Duplicate> duplicates = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            DuplicateDisclosure.Disclosed d = disclosed.get(i);
            if (!d.told()) {
                continue;
            }
            boolean mergeable = d.visible() && m.kind().equals("LEAD") && inHand(m, scope)
                    && !LeadStatus.valueOf(m.status()).isClosed();
            // a record the asker reads is shown with its details; the owner's name says whom to ask only for the others
            duplicates.add(new Duplicate(d.kind(), d.visible(), d.id(), d.code(), d.name(), d.status(), d.matchedOn(),
                    d.visible() ? null : d.ownerName(), mergeable));
        }
        return duplicates;
    }

    /** Whether the asker may read the record: unowned, owned within their scope, or a lead they captured. */
    private static boolean reaches(Match m, UUID me, Scope scope) {
        return me != null && (inHand(m, scope) || me.equals(m.capturedBy()));
    }

    private static boolean inHand(Match m, Scope scope) {
        return scope != null && (m.ownerId() == null || scope.covers(m.ownerId()));
    }
}
