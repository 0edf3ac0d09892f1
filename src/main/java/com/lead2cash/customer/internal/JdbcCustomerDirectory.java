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
