package com.lead2cash.lead.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.DeferredInserts;
import com.lead2cash.platform.PerTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Duplicate check (查重) on every capture path: normalised company name, phone, e-mail and unified
 * social credit code, against existing leads and customers. It finds candidates; people decide.
 */
@Component
class DuplicateFinder {

    /** A possible duplicate: a LEAD or a CUSTOMER, and what matched. */
    record Duplicate(String kind, UUID id, String code, String name, String status, List<String> matchedOn) {
    }

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final DeferredInserts inserts;

    DuplicateFinder(JdbcClient jdbc, CustomerDirectory customers, DeferredInserts inserts) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.inserts = inserts;
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
    private record Candidate(UUID id, String code, String name, String status, Evidence evidence) {
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

    private final Object prefetchedKey = new Object();

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
            jdbc.sql("select id, code, company_name, status, company_name_normalized, phone_normalized,"
                            + " email_normalized, uscc from lead_lead where company_name_normalized in (:names)"
                            + " or phone_normalized in (:phones) or email_normalized in (:emails) or uscc in (:usccs)")
                    .param("names", orNone(names)).param("phones", orNone(phones)).param("emails", orNone(emails))
                    .param("usccs", orNone(usccs))
                    .query((rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getString("company_name"), rs.getString("status"),
                            new Evidence(rs.getString("company_name_normalized"), rs.getString("phone_normalized"),
                                    rs.getString("email_normalized"), rs.getString("uscc"))))
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
        if (TransactionSynchronizationManager.isSynchronizationActive() && excludeLeadId == null) {
            Prefetched prefetched = PerTransaction.get(prefetchedKey, Prefetched::new);
            List<String> keys = e.keys();
            boolean answerable = prefetched.keys.containsAll(keys) && keys.stream().noneMatch(prefetched.claimed::contains)
                    && prefetched.customers.containsKey(e.probe(d));
            prefetched.claimed.addAll(keys);
            if (answerable) {
                List<Duplicate> found = new ArrayList<>(keys.stream()
                        .flatMap(k -> prefetched.leads.getOrDefault(k, List.of()).stream()).distinct()
                        .map(c -> new Duplicate("LEAD", c.id(), c.code(), c.name(), c.status(), matched(e, c.evidence())))
                        .sorted(java.util.Comparator.comparing(Duplicate::id).reversed()).limit(20).toList());
                prefetched.customers.get(e.probe(d)).forEach(c ->
                        found.add(new Duplicate("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn())));
                return found;
            }
        }
        // leads this transaction created may still wait in its deferred inserts: the query must see them
        inserts.flush();
        return query(d, e, excludeLeadId);
    }

    private List<Duplicate> query(LeadDraft d, Evidence e, UUID excludeLeadId) {
        String name = e.name();
        String phone = e.phone();
        String email = e.email();
        // only the evidence this draft has, so every branch is a plain index lookup
        List<String> conditions = new ArrayList<>();
        if (!name.isEmpty()) {
            conditions.add("company_name_normalized = :name");
        }
        if (phone != null) {
            conditions.add("phone_normalized = :phone");
        }
        if (email != null) {
            conditions.add("email_normalized = :email");
        }
        if (d.uscc() != null) {
            conditions.add("uscc = :uscc");
        }
        List<Duplicate> found = new ArrayList<>();
        if (!conditions.isEmpty()) {
            // the matches are few: sorting them here keeps the query a plain lookup on the evidence indexes
            found.addAll(jdbc.sql("select id, code, company_name, status, company_name_normalized, phone_normalized,"
                            + " email_normalized, uscc from lead_lead where (" + String.join(" or ", conditions) + ")"
                            + (excludeLeadId != null ? " and id <> :exclude" : "") + " limit 50")
                    .param("name", name).param("phone", phone).param("email", email).param("uscc", d.uscc())
                    .param("exclude", excludeLeadId)
                    .query((rs, i) -> new Duplicate("LEAD", rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getString("company_name"), rs.getString("status"), matched(e, new Evidence(
                                    rs.getString("company_name_normalized"), rs.getString("phone_normalized"),
                                    rs.getString("email_normalized"), rs.getString("uscc")))))
                    .list().stream()
                    // ids are time-ordered: newest first without asking the database to sort
                    .sorted(java.util.Comparator.comparing(Duplicate::id).reversed()).limit(20).toList());
        }
        customers.possibleDuplicates(e.probe(d))
                .forEach(c -> found.add(new Duplicate("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn())));
        return found;
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
}
