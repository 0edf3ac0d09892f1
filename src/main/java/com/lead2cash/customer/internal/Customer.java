package com.lead2cash.customer.internal;

import com.lead2cash.customer.CompanyNames;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Ids;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 客户 — a company the sales team works with. This slice registers prospects from converted leads. */
@Table("customer_customer")
class Customer {

    enum Status { PROSPECT, INITIAL_CONTACT, NEEDS_CONFIRMED, OPPORTUNITY, SIGNED, DELIVERED, ACTIVE, LOST }

    @Id
    private UUID id;
    private String code;
    private String name;
    @com.lead2cash.platform.NotAudited
    private String nameNormalized;
    private String uscc;
    private String industry;
    private String region;
    private Status status;
    private UUID ownerId;
    private String source;
    private String sourceLeadCode;
    @Version
    private Long version;
    private Instant createdAt;

    @PersistenceCreator
    Customer(UUID id, String code, String name, String nameNormalized, String uscc, String industry, String region,
             Status status, UUID ownerId, String source, String sourceLeadCode, Long version, Instant createdAt) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.nameNormalized = nameNormalized;
        this.uscc = uscc;
        this.industry = industry;
        this.region = region;
        this.status = status;
        this.ownerId = ownerId;
        this.source = source;
        this.sourceLeadCode = sourceLeadCode;
        this.version = version;
        this.createdAt = createdAt;
    }

    static Customer prospect(String code, String name, String uscc, String industry, String region, UUID ownerId,
                             String source, String sourceLeadCode, Instant now) {
        if (name == null || name.isBlank()) {
            throw new FieldValidationException("name", "customer.name.required");
        }
        return new Customer(Ids.newId(), code, name.trim(), CompanyNames.normalize(name), uscc, industry, region,
                Status.PROSPECT, ownerId, source, sourceLeadCode, null, now);
    }

    UUID id() { return id; }
    String code() { return code; }
    String name() { return name; }
    UUID ownerId() { return ownerId; }
}
