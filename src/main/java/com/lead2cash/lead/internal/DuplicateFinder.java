package com.lead2cash.lead.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.lead.LeadStatus;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.PerTransaction;
import com.lead2cash.platform.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    private final JdbcClient jdbc;
    private final CustomerDirectory customers;
    private final DataScope dataScope;
    private final OrgDirectory directory;

    DuplicateFinder(JdbcClient jdbc, CustomerDirectory customers, DataScope dataScope, OrgDirectory directory) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.dataScope = dataScope;
        this.directory = directory;
    }

    List<Duplicate> find(LeadDraft d, UUID excludeLeadId) {
        List<Match> found = new ArrayList<>(leads(d, excludeLeadId));
        customers.possibleDuplicates(new CustomerDirectory.CompanyProbe(d.companyName(), d.uscc(), d.phone(), d.email()))
                .forEach(c -> found.add(new Match("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn(),
                        c.ownerId(), null)));
        return disclosed(found);
    }

    private List<Match> leads(LeadDraft d, UUID excludeLeadId) {
        String name = CompanyNames.normalize(d.companyName());
        String phone = PhoneNumbers.normalize(d.phone());
        String email = EmailAddresses.normalize(d.email());
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
        if (conditions.isEmpty()) {
            return List.of();
        }
        // the matches are few: sorting them here keeps the query a plain lookup on the evidence indexes
        return jdbc.sql("select id, code, company_name, status, company_name_normalized, phone_normalized,"
                        + " email_normalized, uscc, owner_id, captured_by from lead_lead where ("
                        + String.join(" or ", conditions) + ")"
                        + (excludeLeadId != null ? " and id <> :exclude" : "") + " limit 50")
                .param("name", name).param("phone", phone).param("email", email).param("uscc", d.uscc())
                .param("exclude", excludeLeadId)
                .query((rs, i) -> {
                    List<String> matched = new ArrayList<>();
                    if (!name.isEmpty() && name.equals(rs.getString("company_name_normalized"))) {
                        matched.add("NAME");
                    }
                    if (phone != null && phone.equals(rs.getString("phone_normalized"))) {
                        matched.add("PHONE");
                    }
                    if (email != null && email.equals(rs.getString("email_normalized"))) {
                        matched.add("EMAIL");
                    }
                    if (d.uscc() != null && d.uscc().equals(rs.getString("uscc"))) {
                        matched.add("USCC");
                    }
                    return new Match("LEAD", rs.getObject("id", UUID.class), rs.getString("code"),
                            rs.getString("company_name"), rs.getString("status"), matched,
                            rs.getObject("owner_id", UUID.class), rs.getObject("captured_by", UUID.class));
                }).list().stream()
                // ids are time-ordered: newest first without asking the database to sort
                .sorted(Comparator.comparing(Match::id).reversed()).limit(20).toList();
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
