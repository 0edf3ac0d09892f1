package com.lead2cash.customer.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.customer.CompanyKeys;
import com.lead2cash.customer.CustomerStatus;
import com.lead2cash.customer.internal.contact.ContactService;
import com.lead2cash.customer.internal.activity.ActivityService;
import com.lead2cash.customer.internal.domain.Contact;
import com.lead2cash.customer.internal.domain.ContactDetails;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerProfile;
import com.lead2cash.customer.internal.domain.CustomerRepository;
import com.lead2cash.customer.internal.domain.CustomerSource;
import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.customer.internal.domain.GradeFactors;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's public API ({@link CustomerDirectory}) over its services. */
@Service
class JdbcCustomerDirectory implements CustomerDirectory {

    private final CustomerRepository customers;
    private final CustomerService service;
    private final CustomerAccess access;
    private final ContactService contacts;
    private final DuplicateCheck duplicates;
    private final CustomerQueries queries;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final ActivityService activities;

    JdbcCustomerDirectory(CustomerRepository customers, CustomerService service, CustomerAccess access,
                          ContactService contacts, DuplicateCheck duplicates, CustomerQueries queries,
                          org.springframework.jdbc.core.simple.JdbcClient jdbc, ActivityService activities) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.customers = customers;
        this.service = service;
        this.access = access;
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.queries = queries;
    }

    @Override
    public List<CustomerRef> search(String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return queries.list(new CustomerQueries.CustomerFilter(q, null, null, null, null, null, null, limit)).items()
                .stream().map(r -> new CustomerRef(r.id(), r.code(), r.name(), r.ownerId(), r.status())).toList();
    }

    @Override
    public List<CustomerMatch> possibleDuplicates(CompanyProbe probe) {
        return duplicates.candidates(probe.keys(), null);
    }

    @Override
    public Map<CompanyProbe, List<CustomerMatch>> possibleDuplicates(Collection<CompanyProbe> probes) {
        // one statement for all the probes (a capture group, an import batch), not one each
        Map<CompanyKeys, List<CustomerMatch>> byKeys = duplicates.candidates(probes.stream().map(CompanyProbe::keys)
                .toList());
        Map<CompanyProbe, List<CustomerMatch>> all = new LinkedHashMap<>();
        probes.forEach(p -> all.put(p, byKeys.getOrDefault(p.keys(), List.of())));
        return all;
    }

    @Override
    @Transactional
    public CustomerRef register(NewCustomer n) {
        CustomerProfile profile = CustomerProfile.validated(n.name(), n.uscc(), n.industry(), null, n.region(), null,
                null, null, CustomerSource.of(n.source()));
        Customer c = service.register(profile, n.sourceLeadCode(), n.grade(), GradeFactors.UNKNOWN, null,
                n.sourceLeadCode() != null ? CustomerStatus.INITIAL_CONTACT : CustomerStatus.PROSPECT, n.ownerId(),
                CurrentUser.get().map(CurrentUser::id).orElse(null)).customer();
        return ref(c);
    }

    @Override
    @Transactional
    public UUID addContact(UUID customerId, NewContact k) {
        // another team's customer is unknown here, as on every customer route
        Customer c = customers.findByIdForUpdate(customerId).filter(found -> access.isVisible(found.ownerId()))
                .orElseThrow(() -> new RecordNotFoundException(CustomerAccess.SUBJECT, customerId));
        ContactDetails details = ContactDetails.validated(k.name(), k.title(), null, k.phone(), k.email(), null,
                DecisionRole.of(k.decisionRole()), null, null);
        return contacts.addTo(c.id(), details, false).id();
    }

    @Override
    public void recordEarlierContacts(UUID customerId, UUID contactId, List<EarlierContact> earlier) {
        activities.carryEarlierContacts(customerId, contactId, earlier);
    }

    @Override
    public Optional<CustomerRef> find(UUID customerId) {
        return visibleSurvivor(customerId).map(JdbcCustomerDirectory::ref);
    }

    @Override
    public Optional<String> creditCode(UUID customerId) {
        return visibleSurvivor(customerId).map(Customer::uscc);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> address(UUID customerId) {
        return visibleSurvivor(customerId).map(Customer::address).filter(a -> !a.isBlank());
    }

    private Optional<Customer> visibleSurvivor(UUID customerId) {
        Optional<Customer> found = customers.findById(customerId);
        int hops = 0;
        while (found.isPresent() && found.get().mergedIntoId() != null && hops++ < 10) {
            found = customers.findById(found.get().mergedIntoId());
        }
        return found.filter(c -> access.isVisible(c.ownerId()));
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> names(java.util.Collection<UUID> customerIds) {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        if (customerIds.isEmpty()) {
            return names;
        }
        record Row(UUID id, String name, UUID ownerId, UUID mergedIntoId) {
        }
        // the reader's scope read once for all the owners (read per owner, it was a fifth of a board's CPU)
        java.util.function.Predicate<UUID> visible = access.visibleOwners();
        for (Row r : jdbc.sql("select id, name, owner_id, merged_into_id from customer_customer where id in (:ids)")
                .param("ids", customerIds).query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))).list()) {
            if (r.mergedIntoId() != null) {
                find(r.id()).ifPresent(survivor -> names.put(r.id(), survivor.name()));
            } else if (visible.test(r.ownerId())) {
                names.put(r.id(), r.name());
            }
        }
        return names;
    }

    @Override
    public boolean mayOpen(UUID customerId) {
        return customerId != null
                && customers.findById(customerId).filter(c -> access.isReadable(c.id(), c.ownerId())).isPresent();
    }

    @Override
    public CustomerRef requireVisible(UUID customerId) {
        return ref(access.visible(customerId));
    }

    @Override
    public CustomerRef requireOpenForWork(UUID customerId) {
        Customer c = access.visible(customerId);
        c.requireNotMerged();
        return ref(c);
    }

    @Override
    public List<ContactRef> contacts(UUID customerId) {
        return contacts.of(customerId).stream().map(v -> new ContactRef(v.id(), v.customerId(), v.name(), v.title(),
                v.role() == null ? null : v.role().name(), v.primary(), v.phone(), v.email(), v.masked())).toList();
    }

    @Override
    public Optional<ContactPoint> contactPoint(UUID contactId) {
        try {
            Contact k = contacts.raw(contactId);
            return Optional.of(point(k));
        } catch (RecordNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean readsContactWhole(UUID contactId, ProtectedField field) {
        return contactId != null && contactPoint(contactId).flatMap(k -> customers.findById(k.customerId()))
                .filter(c -> access.maySeePersonalData(c, field)).isPresent();
    }

    @Override
    public Optional<ContactPoint> primaryContactPoint(UUID customerId) {
        return contacts.rawOf(customerId).stream().findFirst()
                .map(JdbcCustomerDirectory::point);
    }

    /** Where to reach the contact, in the language they are written to in (zh-CN or en, as stored). */
    private static ContactPoint point(Contact k) {
        return new ContactPoint(k.id(), k.customerId(), k.name(), k.phone(), k.email(),
                java.util.Locale.forLanguageTag(k.language()));
    }

    @Override
    public void reached(UUID customerId, CustomerStatus milestone, Instant at) {
        service.reached(customerId, milestone, at);
    }

    private static CustomerRef ref(Customer c) {
        return new CustomerRef(c.id(), c.code(), c.name(), c.ownerId(), c.status());
    }
}
