package com.lead2cash.catalog.internal;

import com.lead2cash.catalog.Catalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which price a customer gets for a product on a day (适用价格), decided here once: the price list the
 * quote names, when it is in force that day and prices the product; else the customer-group list that
 * does, the one that started latest; else the standard list in force; else the product's list price.
 * Channel lists apply only when named: a channel is chosen for a deal, not read off the customer.
 */
final class PriceResolution {

    private PriceResolution() {
    }

    /** {@code lists}: every list in force that day for the customer (standard, channel, the customer's groups). */
    static Catalog.Price resolve(Product product, UUID customerId, UUID namedListId, LocalDate day, List<PriceList> lists) {
        Optional<Catalog.Price> named = lists.stream()
                .filter(l -> l.id().equals(namedListId) && l.inForceOn(day))
                .flatMap(l -> price(product, l).stream()).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        Comparator<PriceList> latestFirst = Comparator.comparing(PriceList::validFrom).reversed()
                .thenComparing(PriceList::id);
        for (PriceListKind kind : List.of(PriceListKind.CUSTOMER_GROUP, PriceListKind.STANDARD)) {
            Optional<Catalog.Price> price = lists.stream()
                    .filter(l -> l.kind() == kind && l.inForceOn(day))
                    .filter(l -> kind != PriceListKind.CUSTOMER_GROUP || (customerId != null && l.includes(customerId)))
                    .sorted(latestFirst)
                    .flatMap(l -> price(product, l).stream()).findFirst();
            if (price.isPresent()) {
                return price.get();
            }
        }
        return new Catalog.Price(product.id(), product.listPrice(), product.listPrice(), null, null);
    }

    private static Optional<Catalog.Price> price(Product product, PriceList list) {
        return list.priceOf(product.id()).map((BigDecimal p) ->
                new Catalog.Price(product.id(), p, product.listPrice(), list.id(), list.name()));
    }
}
