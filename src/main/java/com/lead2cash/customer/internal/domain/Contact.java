package com.lead2cash.customer.internal.domain;

import com.lead2cash.customer.EmailAddresses;
import com.lead2cash.customer.PhoneNumbers;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.NotAudited;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 联系人 — a person at the customer: title, department, phone, e-mail, WeChat, role in the decision
 * chain and attitude, and the language they are written to in (zh-CN or en: a survey sent to them and the page it
 * opens). One contact per customer is the primary one (主要联系人). Phone and e-mail are personal data: shown to the
 * owner of the customer and those above, masked for everyone else.
 */
@Table("customer_contact")
public class Contact {

    @Id
    private UUID id;
    private UUID customerId;
    private String name;
    private String title;
    private String department;
    private String phone;
    @NotAudited
    private String phoneNormalized;
    private String email;
    @NotAudited
    private String emailNormalized;
    private String wechat;
    private DecisionRole decisionRole;
    private Attitude attitude;
    @Column("is_primary")
    private boolean primary;
    private String notes;
    private String language;
    private Instant createdAt;
    @NotAudited
    private Instant updatedAt;
    @Version
    private Long version;

    Contact() {
    }

    public static Contact add(UUID customerId, ContactDetails d, boolean primary, Instant now) {
        Contact c = new Contact();
        c.id = Ids.newId();
        c.customerId = customerId;
        c.apply(d);
        c.primary = primary;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Corrects the details; answers whether that changed anything (a correction to the same is none, 0030). */
    public boolean correct(ContactDetails d, Instant now) {
        if (d.equals(details())) {
            return false;
        }
        apply(d);
        updatedAt = now;
        return true;
    }

    private void apply(ContactDetails d) {
        name = d.name();
        title = d.title();
        department = d.department();
        phone = d.phone();
        phoneNormalized = PhoneNumbers.normalize(d.phone());
        email = d.email();
        emailNormalized = EmailAddresses.normalize(d.email());
        wechat = d.wechat();
        decisionRole = d.role();
        attitude = d.attitude();
        notes = d.notes();
        // details not checked (a mapped row) carry none: the default, never a null the column refuses
        language = d.language() != null ? d.language() : ContactDetails.LANGUAGES.get(0);
    }

    /** Becomes (or stops being) the customer's primary contact; the service keeps it to one. */
    public void markPrimary(boolean primary, Instant now) {
        this.primary = primary;
        updatedAt = now;
    }

    public void expectVersion(Long expected) {
        if (expected != null) {
            this.version = expected;
        }
    }

    public ContactDetails details() {
        return new ContactDetails(name, title, department, phone, email, wechat, decisionRole, attitude, notes,
                language);
    }

    public UUID id() { return id; }
    public UUID customerId() { return customerId; }
    public String name() { return name; }
    public String title() { return title; }
    public String department() { return department; }
    public String phone() { return phone; }
    public String email() { return email; }
    public String wechat() { return wechat; }
    public DecisionRole decisionRole() { return decisionRole; }
    public Attitude attitude() { return attitude; }
    public boolean primary() { return primary; }
    public String notes() { return notes; }
    /** The language the contact is written to in: zh-CN or en ({@link ContactDetails#LANGUAGES}). */
    public String language() { return language; }
    public Instant createdAt() { return createdAt; }
    public Long version() { return version; }
}
