package com.lead2cash.catalog.internal;

import com.lead2cash.platform.LikePatterns;
import com.lead2cash.platform.CursorPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue as lists read it: by code, filtered by a text, a product line and whether active; keyset paged. */
@Component
public class ProductQueries {

    public record ProductRow(UUID id, String code, String name, String specification, String unit, String productLine,
                             BigDecimal listPrice, BigDecimal taxRate, boolean active, Instant updatedAt, long version) {
    }

    public record ProductFilter(String q, String productLine, Boolean active, String cursor, Integer size) {
    }

    private final JdbcClient jdbc;
    private final ProductRepository products;

    ProductQueries(JdbcClient jdbc, ProductRepository products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    @Transactional(readOnly = true)
    public CursorPage<ProductRow> list(ProductFilter f) {
        int size = CursorPage.size(f.size());
        List<String> where = new ArrayList<>(List.of("true"));
        StringBuilder query = new StringBuilder("select * from catalog_product where ");
        List<Object[]> params = new ArrayList<>();
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(lower(code) like :q escape '\\' or lower(name) like :q escape '\\' or lower(coalesce(specification, '')) like :q escape '\\')");
            params.add(new Object[] {"q", LikePatterns.containing(f.q().strip().toLowerCase(Locale.ROOT))});
        }
        if (f.productLine() != null && !f.productLine().isBlank()) {
            where.add("product_line = :line");
            params.add(new Object[] {"line", f.productLine().strip()});
        }
        if (f.active() != null) {
            where.add("active = :active");
            params.add(new Object[] {"active", f.active()});
        }
        if (f.cursor() != null && !f.cursor().isBlank()) {
            CursorPage.Key key = CursorPage.decode("product", f.cursor(), 2);
            where.add("(lower(code), id) > (:afterCode, :afterId)");
            params.add(new Object[] {"afterCode", key.text(0)});
            params.add(new Object[] {"afterId", key.uuid(1)});
        }
        query.append(String.join(" and ", where)).append(" order by lower(code), id limit :limit");
        var statement = jdbc.sql(query.toString()).param("limit", size + 1);
        for (Object[] p : params) {
            statement = statement.param((String) p[0], p[1]);
        }
        List<ProductRow> rows = statement.query((rs, i) -> new ProductRow(rs.getObject("id", UUID.class),
                rs.getString("code"), rs.getString("name"), rs.getString("specification"), rs.getString("unit"),
                rs.getString("product_line"), rs.getBigDecimal("list_price"), rs.getBigDecimal("tax_rate"),
                rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"))).list();
        return CursorPage.of("product", rows, size, r -> List.of(r.code().toLowerCase(Locale.ROOT), r.id()));
    }

    /** Every product by code, for the export (streamed inside the caller's transaction). */
    @Transactional(readOnly = true)
    public Stream<Product> allByCode() {
        List<Product> all = new ArrayList<>();
        products.findAll().forEach(all::add);
        all.sort(java.util.Comparator.comparing((Product p) -> p.code().toLowerCase(Locale.ROOT)));
        return all.stream();
    }

    /** Whether the catalogue has no product at all, active or not (the list's empty state: "none yet", not "none match"). */
    @Transactional(readOnly = true)
    public boolean catalogueEmpty() {
        return !jdbc.sql("select exists (select 1 from catalog_product)").query(Boolean.class).single();
    }

    /** Distinct product lines of every product, active or not (filters). */
    @Transactional(readOnly = true)
    public List<String> productLines() {
        return jdbc.sql("select distinct product_line from catalog_product where product_line is not null order by 1")
                .query(String.class).list();
    }
}
