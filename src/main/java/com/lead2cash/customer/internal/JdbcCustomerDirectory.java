package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.DataScope;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import java.sql.Array;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcCustomerDirectory implements CustomerDirectory {

    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final HumanCodes codes;
    private final DataScope dataScope;
    private final Clock clock;

    JdbcCustomerDirectory(CustomerRepository customers, JdbcClient jdbc, HumanCodes codes, DataScope dataScope,
                          Clock clock) {
        this.customers = customers;
        this.dataScope = dataScope;
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public List<CustomerMatch> possibleDuplicates(CompanyProbe probe) {
        String name = probe.companyName() == null ? "" : CompanyNames.normalize(probe.companyName());
        String phone = PhoneNumbers.normalize(probe.phone());
        String email = EmailAddresses.normalize(probe.email());
        // plain indexed lookups, one per kind of evidence; what matched is worked out here
        Map<UUID, CustomerMatch> found = new LinkedHashMap<>();
        if (!name.isEmpty() || probe.uscc() != null) {
            jdbc.sql("select id, code, name, owner_id, name_normalized, uscc from customer_customer where name_normalized = :name"
                            + (probe.uscc() != null ? " or uscc = :uscc" : "") + " limit 20")
                    .param("name", name).param("uscc", probe.uscc())
                    .query(rs -> {
                        List<String> matched = new ArrayList<>();
                        if (!name.isEmpty() && name.equals(rs.getString("name_normalized"))) {
                            matched.add("NAME");
                        }
                        if (probe.uscc() != null && probe.uscc().equals(rs.getString("uscc"))) {
                            matched.add("USCC");
                        }
                        found.put(rs.getObject("id", UUID.class), new CustomerMatch(rs.getObject("id", UUID.class),
                                rs.getString("code"), rs.getString("name"), rs.getObject("owner_id", UUID.class),
                                matched));
                    });
        }
        if (phone != null || email != null) {
            jdbc.sql("""
                            select c.id, c.code, c.name, c.owner_id, k.phone_normalized, k.email_normalized
                            from customer_contact k join customer_customer c on c.id = k.customer_id
                            where""" + (phone != null ? " k.phone_normalized = :phone" : " false")
                            + (email != null ? " or k.email_normalized = :email" : "") + " limit 20")
                    .param("phone", phone).param("email", email)
                    .query(rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        UUID owner = rs.getObject("owner_id", UUID.class);
                        CustomerMatch match = found.computeIfAbsent(id, k -> new CustomerMatch(id,
                                uncheckedString(rs, "code"), uncheckedString(rs, "name"), owner, new ArrayList<>()));
                        if (phone != null && phone.equals(rs.getString("phone_normalized"))
                                && !match.matchedOn().contains("PHONE")) {
                            match.matchedOn().add("PHONE");
                        }
                        if (email != null && email.equals(rs.getString("email_normalized"))
                                && !match.matchedOn().contains("EMAIL")) {
                            match.matchedOn().add("EMAIL");
                        }
                    });
        }
        return found.values().stream().map(m -> new CustomerMatch(m.id(), m.code(), m.name(), m.ownerId(),
                        List.copyOf(m.matchedOn())))
                .toList();
    }

    /** A customer or contact row as the duplicate check compares it. */
    private record Candidate(UUID id, String code, String name, UUID ownerId, String nameNormalized, String uscc,
                             String phone, String email) {
    }

    /** Two queries for all the probes; each probe then gets what its own lookups would have found. */
    @Override
    public Map<CompanyProbe, List<CustomerMatch>> possibleDuplicates(java.util.Collection<CompanyProbe> probes) {
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> usccs = new java.util.HashSet<>();
        java.util.Set<String> phones = new java.util.HashSet<>();
        java.util.Set<String> emails = new java.util.HashSet<>();
        for (CompanyProbe p : probes) {
            String name = p.companyName() == null ? "" : CompanyNames.normalize(p.companyName());
            if (!name.isEmpty()) {
                names.add(name);
            }
            if (p.uscc() != null) {
                usccs.add(p.uscc());
            }
            addIfPresent(phones, PhoneNumbers.normalize(p.phone()));
            addIfPresent(emails, EmailAddresses.normalize(p.email()));
        }
        List<Candidate> companies = names.isEmpty() && usccs.isEmpty() ? List.of() : jdbc.sql("""
                        select id, code, name, owner_id, name_normalized, uscc from customer_customer
                        where name_normalized in (:names) or uscc in (:usccs)""")
                .param("names", names.isEmpty() ? List.of("") : names).param("usccs", usccs.isEmpty() ? List.of("") : usccs)
                .query((rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getObject("owner_id", UUID.class), rs.getString("name_normalized"), rs.getString("uscc"), null,
                        null)).list();
        List<Candidate> contacts = phones.isEmpty() && emails.isEmpty() ? List.of() : jdbc.sql("""
                        select c.id, c.code, c.name, c.owner_id, k.phone_normalized, k.email_normalized
                        from customer_contact k join customer_customer c on c.id = k.customer_id
                        where k.phone_normalized in (:phones) or k.email_normalized in (:emails)""")
                .param("phones", phones.isEmpty() ? List.of("") : phones).param("emails", emails.isEmpty() ? List.of("") : emails)
                .query((rs, i) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                        rs.getObject("owner_id", UUID.class), null, null, rs.getString("phone_normalized"),
                        rs.getString("email_normalized"))).list();
        Map<CompanyProbe, List<CustomerMatch>> all = new LinkedHashMap<>();
        for (CompanyProbe p : probes) {
            String name = p.companyName() == null ? "" : CompanyNames.normalize(p.companyName());
            String phone = PhoneNumbers.normalize(p.phone());
            String email = EmailAddresses.normalize(p.email());
            Map<UUID, CustomerMatch> found = new LinkedHashMap<>();
            companies.stream().filter(c -> (!name.isEmpty() && name.equals(c.nameNormalized()))
                            || (p.uscc() != null && p.uscc().equals(c.uscc()))).limit(20)
                    .forEach(c -> {
                        List<String> matched = new ArrayList<>();
                        if (!name.isEmpty() && name.equals(c.nameNormalized())) {
                            matched.add("NAME");
                        }
                        if (p.uscc() != null && p.uscc().equals(c.uscc())) {
                            matched.add("USCC");
                        }
                        found.put(c.id(), new CustomerMatch(c.id(), c.code(), c.name(), c.ownerId(), matched));
                    });
            contacts.stream().filter(c -> (phone != null && phone.equals(c.phone())) || (email != null && email.equals(c.email())))
                    .limit(20).forEach(c -> {
                        CustomerMatch match = found.computeIfAbsent(c.id(), k -> new CustomerMatch(c.id(), c.code(), c.name(),
                                c.ownerId(), new ArrayList<>()));
                        if (phone != null && phone.equals(c.phone()) && !match.matchedOn().contains("PHONE")) {
                            match.matchedOn().add("PHONE");
                        }
                        if (email != null && email.equals(c.email()) && !match.matchedOn().contains("EMAIL")) {
                            match.matchedOn().add("EMAIL");
                        }
                    });
            all.put(p, found.values().stream()
                    .map(m -> new CustomerMatch(m.id(), m.code(), m.name(), m.ownerId(), List.copyOf(m.matchedOn()))).toList());
        }
        return all;
    }

    private static void addIfPresent(java.util.Set<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }

    private static String uncheckedString(java.sql.ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    @Transactional
    public CustomerRef register(NewCustomer c) {
        Customer customer = customers.save(Customer.prospect(codes.next("C", "customer_code_seq"), c.name(), c.uscc(),
                c.industry(), c.region(), c.ownerId(), c.source(), c.sourceLeadCode(), clock.instant()));
        return new CustomerRef(customer.id(), customer.code(), customer.name(), customer.ownerId());
    }

    @Override
    @Transactional
    public UUID addContact(UUID customerId, NewContact contact) {
        if (find(customerId).isEmpty()) {
            throw new RecordNotFoundException("Customer", customerId);
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                insert into customer_contact (id, customer_id, name, title, phone, phone_normalized, email,
                                              email_normalized, decision_role, created_at)
                values (:id, :customer, :name, :title, :phone, :phoneN, :email, :emailN, :role, :now)
                """).param("id", id).param("customer", customerId).param("name", contact.name())
                .param("title", contact.title()).param("phone", contact.phone())
                .param("phoneN", PhoneNumbers.normalize(contact.phone())).param("email", contact.email())
                .param("emailN", EmailAddresses.normalize(contact.email())).param("role", contact.decisionRole())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return id;
    }

    @Override
    public Optional<CustomerRef> find(UUID customerId) {
        return customers.findById(customerId)
                .filter(c -> c.ownerId() == null || dataScope.current().covers(c.ownerId()))
                .map(c -> new CustomerRef(c.id(), c.code(), c.name(), c.ownerId()));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
