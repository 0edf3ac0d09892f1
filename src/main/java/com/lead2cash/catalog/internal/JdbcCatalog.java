package com.lead2cash.catalog.internal;

import com.lead2cash.catalog.Catalog;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue as other modules ask it (products, prices in force); see {@link Catalog}. */
@Service
@Transactional(readOnly = true)
class JdbcCatalog implements Catalog {

    private final ProductRepository products;
    private final PriceListRepository lists;
    private final JdbcClient jdbc;

    JdbcCatalog(ProductRepository products, PriceListRepository lists, JdbcClient jdbc) {
        this.products = products;
        this.lists = lists;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProductRef> product(UUID productId) {
        return productId == null ? Optional.empty() : products.findById(productId).map(Product::ref);
    }

    @Override
    public Map<UUID, ProductRef> products(Collection<UUID> productIds) {
        List<UUID> ids = productIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return StreamSupport.stream(products.findAllById(ids).spliterator(), false)
                .collect(Collectors.toMap(Product::id, Product::ref));
    }

    @Override
    public Price priceFor(UUID productId, UUID customerId, UUID priceListId, LocalDate on) {
        if (productId == null) {
            throw new FieldValidationException("productId", "catalog.product.required");
        }
        Product product = products.findById(productId).orElseThrow(() -> new RecordNotFoundException("Product", productId));
        return PriceResolution.resolve(product, customerId, priceListId, on, lists.findInForce(on, customerId));
    }

    @Override
    public List<PriceListRef> listsFor(UUID customerId, LocalDate on) {
        return lists.findInForce(on, customerId).stream().map(PriceList::ref).toList();
    }

    @Override
    public List<ProductRef> activeProducts(int limit) {
        List<UUID> ids = jdbc.sql("select id from catalog_product where active order by lower(code) limit :limit")
                .param("limit", Math.max(1, Math.min(limit, 2000))).query(UUID.class).list();
        return StreamSupport.stream(products.findAllById(ids).spliterator(), false).map(Product::ref)
                .sorted(java.util.Comparator.comparing(p -> p.code().toLowerCase(java.util.Locale.ROOT))).toList();
    }

    @Override
    public List<String> productLines() {
        return jdbc.sql("select distinct product_line from catalog_product where active and product_line is not null "
                + "order by product_line").query(String.class).list();
    }
}
