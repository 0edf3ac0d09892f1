package com.lead2cash.lead.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
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
        String name = CompanyNames.normalize(d.companyName());
        String phone = PhoneNumbers.normalize(d.phone());
        String email = EmailAddresses.normalize(d.email());
        List<Duplicate> found = new ArrayList<>(jdbc.sql("""
                select id, code, company_name, status,
                       array_remove(array[
                         case when company_name_normalized = :name then 'NAME' end,
                         case when phone_normalized = :phone then 'PHONE' end,
                         case when email_normalized = :email then 'EMAIL' end,
                         case when uscc = :uscc then 'USCC' end], null) as matched
                from lead_lead
                where ((cast(:name as text) <> '' and company_name_normalized = :name)
                    or phone_normalized = :phone or email_normalized = :email or uscc = :uscc)
                  and id <> coalesce(cast(:exclude as uuid), '00000000-0000-0000-0000-000000000000'::uuid)
                order by created_at desc limit 20
                """).param("name", name).param("phone", phone).param("email", email).param("uscc", d.uscc())
                .param("exclude", excludeLeadId)
                .query((rs, i) -> new Duplicate("LEAD", rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("company_name"), rs.getString("status"),
                        List.of((String[]) rs.getArray("matched").getArray()))).list());
        customers.possibleDuplicates(new CustomerDirectory.CompanyProbe(d.companyName(), d.uscc(), d.phone(), d.email()))
                .forEach(c -> found.add(new Duplicate("CUSTOMER", c.id(), c.code(), c.name(), null, c.matchedOn())));
        return found;
    }
}
