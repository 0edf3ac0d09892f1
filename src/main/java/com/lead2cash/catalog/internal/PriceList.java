package com.lead2cash.catalog.internal;

import com.lead2cash.catalog.Catalog;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.Ids;
import com.lead2cash.platform.InputRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 价格表 — the prices of some products for everyone (standard), for one sales channel, or for a group of
 * customers, valid from a day to a day (open-ended when no end is set). A list only prices what it
 * lists; for the rest the next applicable list or the list price applies ({@link PriceResolution}).
 */
@Table("catalog_price_list")
public class PriceList {

    static final int MAX_ENTRIES = 5_000;
    /** The most customers a customer-group list has. */
    static final int MAX_MEMBERS = 5_000;
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999999999.99");

    @Id
    private UUID id;
    private String name;
    private PriceListKind kind;
    private String channel;
    private LocalDate validFrom;
    private LocalDate validTo;
    private boolean active;
    @MappedCollection(idColumn = "price_list")
    private Set<PriceListEntry> entries = new HashSet<>();
    @MappedCollection(idColumn = "price_list")
    private Set<PriceListMember> members = new HashSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    PriceList() {
    }

    /** What describes a list, checked once for every way in. */
    public record Terms(String name, PriceListKind kind, String channel, LocalDate validFrom, LocalDate validTo) {

        public static Terms validated(String name, PriceListKind kind, String channel, LocalDate validFrom, LocalDate validTo) {
            List<FieldError> errors = new ArrayList<>();
            String n = InputRules.trimToNull(name);
            if (n == null) {
                errors.add(new FieldError("name", "catalog.priceList.name.required"));
            } else if (n.length() > 200) {
                errors.add(new FieldError("name", "catalog.field.tooLong", 200));
            } else {
                InputRules.singleLineProblem("name", n).ifPresent(errors::add);
            }
            if (kind == null) {
                errors.add(new FieldError("kind", "catalog.priceList.kind.required"));
            }
            String ch = InputRules.trimToNull(channel);
            if (kind == PriceListKind.CHANNEL && ch == null) {
                errors.add(new FieldError("channel", "catalog.priceList.channel.required"));
            } else if (ch != null && ch.length() > 100) {
                errors.add(new FieldError("channel", "catalog.field.tooLong", 100));
            }
            if (validFrom == null) {
                errors.add(new FieldError("validFrom", "catalog.priceList.validFrom.required"));
            } else if (validTo != null && validTo.isBefore(validFrom)) {
                errors.add(new FieldError("validTo", "catalog.priceList.validTo.beforeFrom"));
            }
            if (!errors.isEmpty()) {
                throw new FieldValidationException(errors);
            }
            return new Terms(n, kind, kind == PriceListKind.CHANNEL ? ch : null, validFrom, validTo);
        }
    }

    static PriceList create(Terms terms, Instant now) {
        PriceList list = new PriceList();
        list.id = Ids.newId();
        list.apply(terms);
        list.active = true;
        list.createdAt = now;
        list.updatedAt = now;
        return list;
    }

    void change(Terms terms, Instant now) {
        if (terms.kind() != kind) {
            throw new FieldValidationException("kind", "catalog.priceList.kind.fixed");
        }
        apply(terms);
        updatedAt = now;
    }

    private void apply(Terms terms) {
        name = terms.name();
        kind = terms.kind();
        channel = terms.channel();
        validFrom = terms.validFrom();
        validTo = terms.validTo();
        if (kind != PriceListKind.CUSTOMER_GROUP) {
            members.clear();
        }
    }

    /**
     * Refuses more prices or customers than a list has, by their count alone (null: not given): asked before a single
     * product or customer of them is looked up, so that tens of thousands are refused at once.
     */
    static void requireCounts(Map<?, ?> prices, Collection<?> customerIds) {
        List<FieldError> errors = new ArrayList<>();
        if (prices != null && prices.size() > MAX_ENTRIES) {
            errors.add(new FieldError("prices", "catalog.priceList.tooManyPrices", MAX_ENTRIES));
        }
        if (customerIds != null && customerIds.size() > MAX_MEMBERS) {
            errors.add(new FieldError("customerIds", "catalog.priceList.tooManyCustomers", MAX_MEMBERS));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    /** Sets the prices this list gives, replacing those it gave; every product must be in the catalogue. */
    void reprice(Map<UUID, BigDecimal> prices, Set<UUID> knownProducts, Instant now) {
        requireCounts(prices, null);
        List<FieldError> errors = new ArrayList<>();
        prices.forEach((product, price) -> {
            if (product == null || !knownProducts.contains(product)) {
                errors.add(new FieldError("prices", "catalog.priceList.product.unknown", String.valueOf(product)));
            } else if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0
                    || price.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("prices", "catalog.price.invalid"));
            }
        });
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        entries = prices.entrySet().stream().map(e -> new PriceListEntry(e.getKey(), e.getValue().setScale(2)))
                .collect(Collectors.toCollection(HashSet::new));
        updatedAt = now;
    }

    /** Sets the customers of a customer-group list. */
    void regroup(Collection<UUID> customerIds, Instant now) {
        if (kind != PriceListKind.CUSTOMER_GROUP) {
            if (customerIds != null && !customerIds.isEmpty()) {
                throw new DomainException("catalog.priceList.membersOnlyForGroups");
            }
            return;
        }
        requireCounts(null, customerIds);
        members = customerIds == null ? new HashSet<>()
                : customerIds.stream().map(PriceListMember::new).collect(Collectors.toCollection(HashSet::new));
        updatedAt = now;
    }

    void deactivate(Instant now) {
        active = false;
        updatedAt = now;
    }

    void activate(Instant now) {
        active = true;
        updatedAt = now;
    }

    /** Whether the list is active and in force on the day. */
    boolean inForceOn(LocalDate day) {
        return active && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the two lists' validity periods share a day. */
    boolean overlaps(LocalDate from, LocalDate to) {
        return (validTo == null || !from.isAfter(validTo)) && (to == null || !validFrom.isAfter(to));
    }

    Optional<BigDecimal> priceOf(UUID productId) {
        return entries.stream().filter(e -> e.productId().equals(productId)).map(PriceListEntry::unitPrice).findFirst();
    }

    boolean includes(UUID customerId) {
        return members.stream().anyMatch(m -> m.customerId().equals(customerId));
    }

    void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    Catalog.PriceListRef ref() {
        return new Catalog.PriceListRef(id, name, kind.name(), channel, validFrom, validTo);
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public PriceListKind kind() { return kind; }
    public String channel() { return channel; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
    public boolean active() { return active; }
    public Set<PriceListEntry> entries() { return Set.copyOf(entries); }
    public Set<UUID> customerIds() { return members.stream().map(PriceListMember::customerId).collect(Collectors.toSet()); }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
