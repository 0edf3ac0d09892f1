package com.lead2cash.catalog.internal;

import com.lead2cash.catalog.Catalog;
import com.lead2cash.platform.Ids;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 产品 — something the company sells, with its list price (目录价, without tax) and tax rate. A product
 * that is no longer sold is deactivated, never deleted: old quotes still name it.
 */
@Table("catalog_product")
public class Product {

    @Id
    private UUID id;
    private String code;
    private String name;
    private String specification;
    private String unit;
    private String productLine;
    private BigDecimal listPrice;
    private BigDecimal taxRate;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    Product() {
    }

    static Product register(ProductDetails details, Instant now) {
        Product p = new Product();
        p.id = Ids.newId();
        p.apply(details);
        p.active = true;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** Corrects the product's data; the code may change too (quotes keep the code they were written with). */
    void correct(ProductDetails details, Instant now) {
        apply(details);
        updatedAt = now;
    }

    /** Whether the product already says all of this (amounts compared by value, 800 = 800.00). */
    boolean says(ProductDetails d, boolean activeToo) {
        return Objects.equals(code, d.code()) && Objects.equals(name, d.name())
                && Objects.equals(specification, d.specification()) && Objects.equals(unit, d.unit())
                && Objects.equals(productLine, d.productLine()) && sameAmount(listPrice, d.listPrice())
                && sameAmount(taxRate, d.taxRate()) && active == activeToo;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** No longer offered in new quotes. */
    void deactivate(Instant now) {
        active = false;
        updatedAt = now;
    }

    void activate(Instant now) {
        active = true;
        updatedAt = now;
    }

    private void apply(ProductDetails d) {
        code = d.code();
        name = d.name();
        specification = d.specification();
        unit = d.unit();
        productLine = d.productLine();
        listPrice = d.listPrice();
        taxRate = d.taxRate();
    }

    /** Takes the version the client read, so that a stale edit answers 409. */
    void expectVersion(Long expected) {
        if (expected != null) {
            version = expected;
        }
    }

    Catalog.ProductRef ref() {
        return new Catalog.ProductRef(id, code, name, specification, unit, productLine, listPrice, taxRate, active);
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String name() { return name; }
    public String specification() { return specification; }
    public String unit() { return unit; }
    public String productLine() { return productLine; }
    public BigDecimal listPrice() { return listPrice; }
    public BigDecimal taxRate() { return taxRate; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
