package com.lead2cash.lead.internal;

import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    DuplicateFinder(JdbcClient jdbc, CustomerDirectory customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    List<Duplicate> find(LeadDraft d, UUID excludeLeadId) {
        CompanyKeys probe = CompanyKeys.of(d.companyName(), d.uscc(), d.phone(), d.email());
        String name = probe.name();
        String phone = probe.phone();
        String email = probe.email();
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
                    .query((rs, i) -> {
                        List<String> matched = CompanyKeys.names(probe.matchedBy(new CompanyKeys(
                                rs.getString("company_name_normalized"), rs.getString("uscc"),
                                rs.getString("phone_normalized"), rs.getString("email_normalized"))));
                        return new Duplicate("LEAD", rs.getObject("id", UUID.class), rs.getString("code"),
                                rs.getString("company_name"), rs.getString("status"), matched);
                    }).list().stream()
                    // ids are time-ordered: newest first without asking the database to sort
                    .sorted(java.util.Comparator.comparing(Duplicate::id).reversed()).limit(20).toList());
        }
        customers.possibleDuplicates(new CustomerDirectory.CompanyProbe(d.companyName(), d.uscc(), d.phone(), d.email()))
                .forEach(c -> found.add(new Duplicate("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn())));
        return found;
    }
}
