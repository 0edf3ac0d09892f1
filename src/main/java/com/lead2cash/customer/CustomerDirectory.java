package com.lead2cash.customer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of the customer module (客户): duplicate candidates for a company, and
 * registering a customer with its first contact when a lead converts.
 */
public interface CustomerDirectory {

    /**
     * Customers that may be the same company: same normalised name, credit code, phone or e-mail, with
     * their owners, so the asking module can tell its reader only what their scope allows.
     */
    List<CustomerMatch> possibleDuplicates(CompanyProbe probe);

    /** The same for many companies at once (an import batch), each probe answered as on its own. */
    default Map<CompanyProbe, List<CustomerMatch>> possibleDuplicates(Collection<CompanyProbe> probes) {
        Map<CompanyProbe, List<CustomerMatch>> all = new LinkedHashMap<>();
        probes.forEach(p -> all.put(p, possibleDuplicates(p)));
        return all;
    }

    /** Registers a prospect (潜在客户) owned by {@code ownerId}. */
    CustomerRef register(NewCustomer customer);

    /**
     * Adds a contact person to a customer within the caller's data scope; a customer outside it is
     * not found ({@code RecordNotFoundException}).
     */
    UUID addContact(UUID customerId, NewContact contact);

    /** A customer within the caller's data scope (unowned pool customers included); empty for any other. */
    Optional<CustomerRef> find(UUID customerId);

    /** What a duplicate check compares; any field may be null. */
    record CompanyProbe(String companyName, String uscc, String phone, String email) {
    }

    /** A possible duplicate, its owner (null in the public pool) and what it matched on (NAME, USCC, PHONE, EMAIL). */
    record CustomerMatch(UUID id, String code, String name, UUID ownerId, List<String> matchedOn) {
    }

    record CustomerRef(UUID id, String code, String name, UUID ownerId) {
    }

    record NewCustomer(String name, String uscc, String industry, String region, UUID ownerId, String source,
                       String sourceLeadCode) {
    }

    /** A contact; {@code decisionRole} is DECISION_MAKER, INFLUENCER, USER or null when unknown. */
    record NewContact(String name, String title, String phone, String email, String decisionRole) {
    }
}
