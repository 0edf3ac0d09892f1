package com.lead2cash.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may ask of the catalogue (产品目录): products, and the price a customer gets for a
 * product on a day. The catalogue is company data, not owned by anyone, so nothing here is scoped: a caller
 * that names a customer has checked it lies in the reader's scope (a quote through its opportunity).
 */
public interface Catalog {

    Optional<ProductRef> product(UUID productId);

    /** Several products at once, keyed by id; unknown ids are absent. */
    Map<UUID, ProductRef> products(Collection<UUID> productIds);

    /**
     * The unit price of a product for a customer on a day: from the named price list when it is valid that
     * day and prices the product, else from the latest customer-group list the customer belongs to, else
     * from the standard list valid that day, else the product's list price.
     */
    Price priceFor(UUID productId, UUID customerId, UUID priceListId, LocalDate on);

    /** The price lists in force on a day that a quote for the customer may name: standard, channel and the customer's groups. */
    List<PriceListRef> listsFor(UUID customerId, LocalDate on);

    /** The active products a quote may offer, by code (at most {@code limit}). */
    List<ProductRef> activeProducts(int limit);

    /** The product lines the catalogue's active products belong to, in order. */
    List<String> productLines();

    /** A product as other modules see it; prices in CNY without tax, the tax rate in percent (13 = 13 %). */
    record ProductRef(UUID id, String code, String name, String specification, String unit, String productLine,
                      BigDecimal listPrice, BigDecimal taxRate, boolean active) {
    }

    /** A resolved price; {@code priceListId} null means the catalogue's list price. */
    record Price(UUID productId, BigDecimal unitPrice, BigDecimal listPrice, UUID priceListId, String priceListName) {
    }

    record PriceListRef(UUID id, String name, String kind, String channel, LocalDate validFrom, LocalDate validTo) {
    }
}
