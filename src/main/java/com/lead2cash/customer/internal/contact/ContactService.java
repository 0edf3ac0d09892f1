package com.lead2cash.customer.internal.contact;

import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.domain.Attitude;
import com.lead2cash.customer.internal.domain.Contact;
import com.lead2cash.customer.internal.domain.ContactDetails;
import com.lead2cash.customer.internal.domain.ContactRepository;
import com.lead2cash.customer.internal.domain.Customer;
import com.lead2cash.customer.internal.domain.CustomerAction;
import com.lead2cash.customer.internal.domain.DecisionRole;
import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldSight;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.Versions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts of a customer (联系人): added and corrected by whoever may change the customer, one of
 * them primary; shown with phone, e-mail and WeChat masked unless the reader owns the customer or
 * stands above its owner (fails closed: without a reader, masked).
 */
@Service
public class ContactService {

    /** A contact as the reader may see it; {@code language} the one they are written to in (zh-CN or en). */
    public record ContactView(UUID id, UUID customerId, String name, String title, String department, String phone,
                              String email, String wechat, DecisionRole role, Attitude attitude, boolean primary,
                              String notes,
                              @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"zh-CN", "en"},
                                      description = "The language the contact is written to in (a satisfaction"
                                              + " survey and its page)") String language,
                              boolean masked, long version) {
    }

    private final ContactRepository contacts;
    private final CustomerAccess access;
    private final Clock clock;
    private final FieldRules fieldRules;

    ContactService(ContactRepository contacts, CustomerAccess access, Clock clock, FieldRules fieldRules) {
        this.contacts = contacts;
        this.access = access;
        this.clock = clock;
        this.fieldRules = fieldRules;
    }

    /**
     * Adds a contact, as entered, to a customer the current user may change; the first one (or one asked for) is
     * primary. Who asks (403) before what they send (422): the details are checked here, for the page and the API.
     */
    @Transactional
    public Contact add(UUID customerId, ContactDetails entered, boolean primary) {
        Customer c = access.visibleForUpdate(customerId);
        c.requireAction(access.actor(c), CustomerAction.ADD_CONTACT);
        return addTo(c.id(), entered.validated(), primary);
    }

    /** Adds without an actor check (lead conversion, import); the customer's row must be locked or new. */
    @Transactional
    public Contact addTo(UUID customerId, ContactDetails details, boolean primary) {
        Instant now = clock.instant();
        List<Contact> existing = contacts.findByCustomer(customerId);
        boolean makePrimary = primary || existing.stream().noneMatch(Contact::primary);
        if (makePrimary) {
            unsetPrimary(existing, now);
        }
        return contacts.save(Contact.add(customerId, details, makePrimary, now));
    }

    /**
     * The first contact of a customer registered in this same transaction (an import row): primary, with
     * no other contact to look up or demote.
     */
    @Transactional
    public Contact addFirstTo(UUID customerId, ContactDetails details) {
        return contacts.save(Contact.add(customerId, details, true, clock.instant()));
    }

    /**
     * A correction of some of the contact's details: {@code edit} answers the details as stored, corrected
     * (docs/decisions/0030); {@code primary} true makes it the primary contact.
     */
    @Transactional
    public Contact correct(UUID contactId, UnaryOperator<ContactDetails> edit, Boolean primary, Long version) {
        Contact contact = contacts.findById(contactId).orElseThrow(() -> new RecordNotFoundException("Contact", contactId));
        Customer c = access.visibleParentForUpdateOf("Contact", contactId, contact.customerId());
        c.requireAction(access.actor(c), CustomerAction.ADD_CONTACT);
        Long stored = contact.version();
        contact.expectVersion(version);
        // who asks (403) before what they send (422); a mask sent back keeps what it masks
        ContactDetails details = sight(c).kept(contact, edit.apply(contact.details()))
                .validatedAsEditOf(contact.details());
        Instant now = clock.instant();
        boolean changed = contact.correct(details, now);
        if (Boolean.TRUE.equals(primary) && !contact.primary()) {
            unsetPrimary(contacts.findByCustomer(c.id()), now);
            contact.markPrimary(true, now);
            changed = true;
        }
        if (!changed) {
            Versions.requireCurrent(stored, version); // not saved: the version stays (0030)
            return contact;
        }
        return contacts.save(contact);
    }

    private void unsetPrimary(List<Contact> existing, Instant now) {
        for (Contact other : existing) {
            if (other.primary()) {
                other.markPrimary(false, now);
                contacts.save(other);
            }
        }
    }

    /** The contacts of a visible customer, primary first. */
    public List<ContactView> of(UUID customerId) {
        Customer c = access.visible(customerId);
        Sight sight = sight(c);
        return contacts.findByCustomer(c.id()).stream().map(sight::view).toList();
    }

    /**
     * A keyset page of the contacts of a visible customer, primary first, then by created time and id; a cursor not
     * made by this list is refused (400).
     */
    public CursorPage<ContactView> page(UUID customerId, String cursor, Integer requestedSize) {
        Customer c = access.visible(customerId);
        int size = CursorPage.size(requestedSize);
        List<Contact> rows;
        if (cursor != null && !cursor.isBlank()) {
            CursorPage.Key key = CursorPage.decode("contact", cursor, 3);
            long rank = key.number(0);
            if (rank != 0 && rank != 1) {
                throw new BadRequestException("cursor", "error.cursor.invalid");
            }
            rows = contacts.findPageByCustomerAfter(c.id(), (int) rank, key.timestamp(1), key.uuid(2), size + 1);
        } else {
            rows = contacts.findPageByCustomer(c.id(), size + 1);
        }
        Sight sight = sight(c);
        return CursorPage.of("contact", rows, size, k -> List.of(k.primary() ? 0 : 1, k.createdAt().toString(), k.id()))
                .map(sight::view);
    }

    public ContactView view(UUID contactId) {
        Contact k = contacts.findById(contactId).orElseThrow(() -> new RecordNotFoundException("Contact", contactId));
        Customer c = access.visibleParentOf("Contact", contactId, k.customerId());
        return sight(c).view(k);
    }

    /**
     * A contact of {@code customerId} as the reader may correct it, for the customer page's correction form: one
     * outside their scope, or not of that customer, is not found (404); one whose customer they may not change is
     * refused (403), as its Save would be — never a form its Save refuses.
     */
    @Transactional(readOnly = true)
    public ContactView correctable(UUID customerId, UUID contactId) {
        Contact k = contacts.findById(contactId).filter(found -> found.customerId().equals(customerId))
                .orElseThrow(() -> new RecordNotFoundException("Contact", contactId));
        Customer c = access.visibleParentOf("Contact", contactId, k.customerId());
        c.requireAction(access.actor(c), CustomerAction.ADD_CONTACT);
        return sight(c).view(k);
    }

    public ContactView view(Contact k) {
        Customer c = access.visibleParentOf("Contact", k.id(), k.customerId());
        return sight(c).view(k);
    }

    private Sight sight(Customer c) {
        return new Sight(fieldRules.sight(ProtectedField.CONTACT_PHONE), access.maySeePersonalData(c, ProtectedField.CONTACT_PHONE),
                fieldRules.sight(ProtectedField.CONTACT_EMAIL), access.maySeePersonalData(c, ProtectedField.CONTACT_EMAIL),
                fieldRules.sight(ProtectedField.CONTACT_WECHAT), access.maySeePersonalData(c, ProtectedField.CONTACT_WECHAT));
    }

    /** How the reader sees the contacts of one customer: each field whole, masked or hidden (SPEC §1, field rules). */
    private record Sight(FieldSight phone, boolean phoneWhole, FieldSight email, boolean emailWhole, FieldSight wechat,
                         boolean wechatWhole) {

        ContactView view(Contact k) {
            boolean masked = phone.withholds(k.phone(), phoneWhole) || email.withholds(k.email(), emailWhole)
                    || wechat.withholds(k.wechat(), wechatWhole);
            return new ContactView(k.id(), k.customerId(), k.name(), k.title(), k.department(),
                    phone.shown(k.phone(), phoneWhole), email.shown(k.email(), emailWhole),
                    wechat.shown(k.wechat(), wechatWhole), k.decisionRole(), k.attitude(), k.primary(), k.notes(),
                    k.language(), masked, k.version() == null ? 0 : k.version());
        }

        /** The entered details with the phone, e-mail and WeChat an edit keeps ({@link FieldSight#kept}). */
        ContactDetails kept(Contact k, ContactDetails entered) {
            return entered.withReach(phone.kept(k.phone(), entered.phone(), phoneWhole),
                    email.kept(k.email(), entered.email(), emailWhole), wechat.kept(k.wechat(), entered.wechat(), wechatWhole));
        }
    }

    public Contact raw(UUID contactId) {
        return contacts.findById(contactId).orElseThrow(() -> new RecordNotFoundException("Contact", contactId));
    }

    /** A customer's contacts, primary first, without a reader's check (to deliver a message, never for display). */
    public List<Contact> rawOf(UUID customerId) {
        return contacts.findByCustomer(customerId);
    }
}
