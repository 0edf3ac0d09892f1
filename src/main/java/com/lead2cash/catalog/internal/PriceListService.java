package com.lead2cash.catalog.internal;

import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the price lists (价格表). Two active standard lists never share a day, so "the standard price
 * on a day" always has one answer; channel and customer-group lists may overlap (the latest wins).
 */
@Service
public class PriceListService {

    private final PriceListRepository lists;
    private final ProductRepository products;
    private final CustomerDirectory customers;
    private final Clock clock;

    PriceListService(PriceListRepository lists, ProductRepository products, CustomerDirectory customers, Clock clock) {
        this.lists = lists;
        this.products = products;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public PriceList create(PriceList.Terms terms, Map<UUID, BigDecimal> prices, Collection<UUID> customerIds) {
        // the counts first, before a product or a customer of them is looked up
        PriceList.requireCounts(prices, customerIds);
        PriceList list = PriceList.create(terms, clock.instant());
        requireNoStandardOverlap(list);
        list.reprice(prices == null ? Map.of() : prices, knownProducts(prices), clock.instant());
        list.regroup(knownCustomers(customerIds), clock.instant());
        return lists.save(list);
    }

    @Transactional
    public PriceList change(UUID id, PriceList.Terms terms, Map<UUID, BigDecimal> prices, Collection<UUID> customerIds,
                            Long version) {
        PriceList list = require(id);
        // the counts first, before a product or a customer of them is looked up
        PriceList.requireCounts(prices, customerIds);
        list.expectVersion(version);
        list.change(terms, clock.instant());
        requireNoStandardOverlap(list);
        if (prices != null) {
            list.reprice(prices, knownProducts(prices), clock.instant());
        }
        if (customerIds != null) {
            list.regroup(knownCustomers(customerIds), clock.instant());
        }
        return lists.save(list);
    }

    /** Sets or clears one product's price in a list (the list page edits prices one at a time). */
    @Transactional
    public PriceList price(UUID id, UUID productId, BigDecimal unitPrice, Long version) {
        PriceList list = require(id);
        list.expectVersion(version);
        Map<UUID, BigDecimal> prices = new java.util.HashMap<>();
        list.entries().forEach(e -> prices.put(e.productId(), e.unitPrice()));
        if (unitPrice == null) {
            prices.remove(productId);
        } else {
            prices.put(productId, unitPrice);
        }
        list.reprice(prices, knownProducts(prices), clock.instant());
        return lists.save(list);
    }

    @Transactional
    public PriceList setActive(UUID id, boolean active, Long version) {
        PriceList list = require(id);
        list.expectVersion(version);
        if (active) {
            list.activate(clock.instant());
            requireNoStandardOverlap(list);
        } else {
            list.deactivate(clock.instant());
        }
        return lists.save(list);
    }

    @Transactional(readOnly = true)
    public PriceList require(UUID id) {
        return lists.findById(id).orElseThrow(() -> new RecordNotFoundException("PriceList", id));
    }

    @Transactional(readOnly = true)
    public List<PriceList> all() {
        return lists.findAllInOrder();
    }

    /**
     * The customers of these lists the current user may know of: the editors keep the membership and see
     * every one; anyone else only those the customer module lets them read (their data scope, the pool),
     * so a list never tells another team which customers it has.
     */
    @Transactional(readOnly = true)
    public Set<UUID> visibleMembers(Collection<PriceList> of) {
        Set<UUID> members = new HashSet<>();
        of.forEach(l -> members.addAll(l.customerIds()));
        if (members.isEmpty() || CatalogRoles.currentUserEdits()) {
            return members;
        }
        return Set.copyOf(customers.names(members).keySet());
    }

    private void requireNoStandardOverlap(PriceList list) {
        if (list.kind() != PriceListKind.STANDARD || !list.active()) {
            return;
        }
        lists.findActiveStandard().stream()
                .filter(other -> !other.id().equals(list.id()) && other.overlaps(list.validFrom(), list.validTo()))
                .findFirst().ifPresent(other -> {
                    throw new DomainException("catalog.priceList.standardOverlap", other.name());
                });
    }

    private Set<UUID> knownProducts(Map<UUID, BigDecimal> prices) {
        if (prices == null || prices.isEmpty()) {
            return Set.of();
        }
        Set<UUID> known = new HashSet<>();
        StreamSupport.stream(products.findAllById(prices.keySet().stream().filter(java.util.Objects::nonNull).toList())
                .spliterator(), false).forEach(p -> known.add(p.id()));
        return known;
    }

    private List<UUID> knownCustomers(Collection<UUID> customerIds) {
        if (customerIds == null) {
            return List.of();
        }
        // read at once, as find reads each (one the reader may not see is not there), not one query a customer
        Map<UUID, String> known = customers.names(customerIds.stream().filter(java.util.Objects::nonNull).distinct().toList());
        for (UUID id : customerIds) {
            if (id == null || !known.containsKey(id)) {
                throw new FieldValidationException("customerIds", "catalog.priceList.customer.unknown", String.valueOf(id));
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(customerIds));
    }
}
