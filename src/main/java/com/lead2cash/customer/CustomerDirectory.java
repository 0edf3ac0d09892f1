package com.lead2cash.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of the customer module (客户): duplicate candidates for a company (within
 * what the asker may know), registering a customer with its first contact when a lead converts, a
 * customer and its contacts within the caller's data scope, and the lifecycle milestones other
 * modules prove (a confirmed needs analysis, a signed contract).
 */
public interface CustomerDirectory {

    /**
     * Customers that may be the same company: same normalised name, credit code, or a contact's phone
     * or e-mail ({@link CompanyKeys}), with their owners (null in the public pool), whoever owns them:
     * the asking module tells its reader only what their scope allows.
     */
    List<CustomerMatch> possibleDuplicates(CompanyProbe probe);

    /** The same for many companies at once (an import batch), each probe answered as on its own. */
    default Map<CompanyProbe, List<CustomerMatch>> possibleDuplicates(Collection<CompanyProbe> probes) {
        Map<CompanyProbe, List<CustomerMatch>> all = new LinkedHashMap<>();
        probes.forEach(p -> all.put(p, possibleDuplicates(p)));
        return all;
    }

    /**
     * Registers a customer owned by {@code ownerId}. A converted lead ({@code sourceLeadCode} set) was
     * already contacted, so its customer starts at INITIAL_CONTACT 初步接洽; others at PROSPECT 潜在.
     */
    CustomerRef register(NewCustomer customer);

    /**
     * Adds a contact person to a customer within the caller's data scope (the first contact becomes the
     * primary one); a customer outside it is not found ({@code RecordNotFoundException}).
     */
    UUID addContact(UUID customerId, NewContact contact);

    /**
     * Contacts made with the company before it became this customer (a converted lead's contact attempts): on the
     * customer's timeline as follow-ups with {@code contactId} (null for none), the latest its last activity. The
     * follow-up rules (C4, the cadence) do not count them again. A customer outside the caller's scope is not found.
     */
    void recordEarlierContacts(UUID customerId, UUID contactId, List<EarlierContact> contacts);

    /**
     * Customers the current user may see that match {@code q} as the customer list's search does (name
     * fragment, pinyin, phone, credit code, the code or its start or last digits), newest first, at most {@code limit}:
     * for pickers in other modules' forms (a new opportunity).
     */
    List<CustomerRef> search(String q, int limit);

    /**
     * A customer within the caller's data scope (unowned pool customers included), a merged one as its
     * survivor; empty for any other.
     */
    Optional<CustomerRef> find(UUID customerId);

    /**
     * The customer this one was merged into — its survivor, as {@link #find} answers it (the end of a chain of merges);
     * empty for a customer not merged, and for one the caller may not see. Another module that starts new business on
     * a customer (a receipt) refuses a merged one and names where its business went.
     */
    default Optional<CustomerRef> mergedInto(UUID customerId) {
        return customerId == null ? Optional.empty()
                : find(customerId).filter(survivor -> !survivor.id().equals(customerId));
    }

    /**
     * The customer's unified social credit code (统一社会信用代码, its taxpayer id) as {@link #find} sees the
     * customer — a merged one's survivor's; empty when the record has none or the caller may not see it.
     */
    Optional<String> creditCode(UUID customerId);

    /**
     * The customer's address as {@link #find} sees the customer — a merged one's survivor's; empty when the record
     * has none or the caller may not see it.
     */
    Optional<String> address(UUID customerId);

    /**
     * The names of many customers at once (a board's or a list's worth), as {@link #find} would answer each:
     * a merged one under its survivor's name; those the caller may not see are left out.
     */
    java.util.Map<UUID, String> names(java.util.Collection<UUID> customerIds);

    /**
     * The customer if the current user may see it — owner within their data scope, or in the public
     * pool — else {@link com.lead2cash.platform.RecordNotFoundException} (404, never a hint).
     */
    CustomerRef requireVisible(UUID customerId);

    /**
     * Whether the current user may open the customer's page — the page's own rule ({@link #requireVisible}, the
     * roles that read customers included): another module's page links to the customer only then, else shows its
     * name as text.
     */
    boolean mayOpen(UUID customerId);

    /**
     * The same for a customer that new work is started on (an opportunity): one merged into another is
     * closed, refused with {@link com.lead2cash.platform.DomainException} {@code customer.merged} (422), as
     * its contacts and follow-ups are; the work belongs on the survivor.
     */
    CustomerRef requireOpenForWork(UUID customerId);

    /**
     * The contacts of a customer the current user may see, primary first; phone and e-mail masked
     * unless the user owns the customer or stands above its owner (masking fails closed).
     */
    List<ContactRef> contacts(UUID customerId);

    /**
     * {@link #contacts} for another module's send form: none when the current user may not open the customer — a
     * record still theirs (an order, a quote) whose customer changed hands reads as its page, not as a 404.
     */
    default List<ContactRef> contactsToChooseFrom(UUID customerId) {
        return mayOpen(customerId) ? contacts(customerId) : List.of();
    }

    /**
     * Whether the current user reads the contact's {@code field} whole by SPEC §1's default rule, as the customer's
     * pages do: they own the contact's customer or stand above its owner (above everyone for a pool customer). The
     * field rules apply on top as the value is shown ({@link com.lead2cash.platform.FieldSight#shown}). False for an
     * unknown contact and for nobody signed in: for a module that shows a copy of a contact's address (a
     * confirmation's recipient) to readers its own records let in.
     */
    boolean readsContactWhole(UUID contactId, com.lead2cash.platform.ProtectedField field);

    /** Where to reach a contact, to deliver a message to them (a confirmation link); never for display. */
    Optional<ContactPoint> contactPoint(UUID contactId);

    /**
     * Where to reach a customer's primary contact (else its first), to deliver a message to them; never for
     * display. Empty when the customer has no contact.
     */
    Optional<ContactPoint> primaryContactPoint(UUID customerId);

    /**
     * Another module proved a milestone (needs confirmed by the customer, a contract signed, a delivery
     * accepted): the customer moves forward to it, skipping steps the proof implies; a customer already
     * at or past it, or lost, stays where it is.
     */
    void reached(UUID customerId, CustomerStatus milestone, Instant at);

    /** What a duplicate check compares; any field may be null. */
    record CompanyProbe(String companyName, String uscc, String phone, String email) {

        public CompanyKeys keys() {
            return CompanyKeys.of(companyName, uscc, phone, email);
        }
    }

    /** A possible duplicate, its owner (null in the public pool) and what it matched on (NAME, USCC, PHONE, EMAIL). */
    record CustomerMatch(UUID id, String code, String name, UUID ownerId, List<String> matchedOn) {
    }

    record CustomerRef(UUID id, String code, String name, UUID ownerId, CustomerStatus status) {
    }

    /** A new customer; {@code grade} null means C until someone grades it (C1). */
    record NewCustomer(String name, String uscc, String industry, String region, UUID ownerId, String source,
                       String sourceLeadCode, CustomerGrade grade) {

        public NewCustomer(String name, String uscc, String industry, String region, UUID ownerId, String source,
                           String sourceLeadCode) {
            this(name, uscc, industry, region, ownerId, source, sourceLeadCode, null);
        }
    }

    /** A contact; {@code decisionRole} is DECISION_MAKER, INFLUENCER, USER, OTHER or null when unknown. */
    record NewContact(String name, String title, String phone, String email, String decisionRole) {
    }

    /**
     * A contact made before the customer existed; {@code kind} a follow-up's kind (CALL, VISIT, EMAIL, MEETING,
     * OTHER), {@code summary} the words written of it. It is read as the bundle key {@code summaryKey} with
     * {@code summaryArgs} and then the summary as its last argument, in the reader's language (an argument starting
     * with {@code #} is itself a key, as a {@link TimelineEntry}'s); said at read time, never stored said.
     */
    record EarlierContact(String kind, Instant occurredAt, Instant loggedAt, UUID loggedBy, String summary,
                          String summaryKey, List<String> summaryArgs) {

        public EarlierContact {
            summaryArgs = summaryArgs == null ? List.of() : List.copyOf(summaryArgs);
        }
    }

    /** A contact as other modules see it; {@code masked} when phone and e-mail are hidden from the reader. */
    record ContactRef(UUID id, UUID customerId, String name, String title, String decisionRole, boolean primary,
                      String phone, String email, boolean masked) {
    }

    /** Where to reach a contact and the language to write to them in (Chinese, or English when they prefer it). */
    record ContactPoint(UUID contactId, UUID customerId, String name, String phone, String email,
                        java.util.Locale language) {

        public ContactPoint {
            language = language == null ? java.util.Locale.SIMPLIFIED_CHINESE : language;
        }
    }
}
