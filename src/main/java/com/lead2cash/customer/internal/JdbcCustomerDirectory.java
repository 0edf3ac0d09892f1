package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.HumanCodes;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.RecordNotFoundException;
import java.sql.Array;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final Clock clock;

    JdbcCustomerDirectory(CustomerRepository customers, JdbcClient jdbc, HumanCodes codes, Clock clock) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.codes = codes;
        this.clock = clock;
    }

    @Override
    public List<CustomerMatch> possibleDuplicates(CompanyProbe probe) {
        String name = probe.companyName() == null ? null : CompanyNames.normalize(probe.companyName());
        String phone = PhoneNumbers.normalize(probe.phone());
        String email = EmailAddresses.normalize(probe.email());
        return jdbc.sql("""
                select c.id, c.code, c.name,
                       array_remove(array[
                         case when c.name_normalized = :name then 'NAME' end,
                         case when c.uscc = :uscc then 'USCC' end,
                         case when exists (select 1 from customer_contact k where k.customer_id = c.id
                                           and k.phone_normalized = :phone) then 'PHONE' end,
                         case when exists (select 1 from customer_contact k where k.customer_id = c.id
                                           and k.email_normalized = :email) then 'EMAIL' end], null) as matched
                from customer_customer c
                where (cast(:name as text) <> '' and c.name_normalized = :name)
                   or c.uscc = :uscc
                   or c.id in (select customer_id from customer_contact where phone_normalized = :phone
                               union select customer_id from customer_contact where email_normalized = :email)
                order by c.created_at limit 20
                """).param("name", name).param("uscc", probe.uscc()).param("phone", phone).param("email", email)
                .query((rs, i) -> new CustomerMatch(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getString("name"), strings(rs.getArray("matched")))).list();
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
        if (!customers.existsById(customerId)) {
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
        return customers.findById(customerId).map(c -> new CustomerRef(c.id(), c.code(), c.name(), c.ownerId()));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
