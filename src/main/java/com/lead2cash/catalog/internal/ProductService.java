package com.lead2cash.catalog.internal;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the catalogue: products registered, corrected, (de)activated, and imported from Excel all or nothing. */
@Service
public class ProductService {

    /** What an import did: products created and updated (matched by code). */
    public record ProductImportResult(int created, int updated) {
    }

    private final ProductRepository products;
    private final AuditTrail audit;
    private final Clock clock;

    ProductService(ProductRepository products, AuditTrail audit, Clock clock) {
        this.products = products;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Product register(ProductDetails details) {
        products.findByCode(details.code()).ifPresent(p -> {
            throw new FieldValidationException("code", "catalog.product.code.taken", details.code());
        });
        return products.save(Product.register(details, clock.instant()));
    }

    @Transactional
    public Product correct(UUID id, ProductDetails details, Long version) {
        Product product = require(id);
        products.findByCode(details.code()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new FieldValidationException("code", "catalog.product.code.taken", details.code());
        });
        product.expectVersion(version);
        product.correct(details, clock.instant());
        return products.save(product);
    }

    @Transactional
    public Product setActive(UUID id, boolean active, Long version) {
        Product product = require(id);
        product.expectVersion(version);
        if (active) {
            product.activate(clock.instant());
        } else {
            product.deactivate(clock.instant());
        }
        return products.save(product);
    }

    @Transactional(readOnly = true)
    public Product require(UUID id) {
        if (id == null) {
            throw new FieldValidationException("productId", "catalog.product.required");
        }
        return products.findById(id).orElseThrow(() -> new RecordNotFoundException("Product", id));
    }

    /** The product with this code (any case), for forms that name products by code. */
    @Transactional(readOnly = true)
    public Product requireByCode(String code) {
        if (code == null || code.isBlank()) {
            throw new FieldValidationException("productCode", "catalog.product.required");
        }
        return products.findByCode(code.strip())
                .orElseThrow(() -> new FieldValidationException("productCode", "catalog.product.code.unknown", code.strip()));
    }

    /**
     * Imports the rows of a catalogue workbook: a row whose code exists updates that product (and
     * reactivates or deactivates it as the row says) when it says something else, others are created.
     * One refused row refuses the whole file, with every refusal listed by line.
     */
    @Transactional
    public ProductImportResult importRows(List<ProductWorkbook.Row> rows) {
        if (rows.isEmpty()) {
            throw new FieldValidationException("file", "catalog.import.empty");
        }
        if (rows.size() > ProductWorkbook.MAX_ROWS) {
            throw new FieldValidationException("file", "catalog.import.tooManyRows", ProductWorkbook.MAX_ROWS);
        }
        Map<String, Integer> firstLine = new HashMap<>();
        List<ProductWorkbook.RowProblem> problems = new java.util.ArrayList<>();
        for (ProductWorkbook.Row row : rows) {
            problems.addAll(row.problems());
            // a code written twice is named whatever else is wrong with either row
            if (row.code() != null) {
                Integer earlier = firstLine.putIfAbsent(row.code().toLowerCase(Locale.ROOT), row.line());
                if (earlier != null) {
                    problems.add(new ProductWorkbook.RowProblem(row.line(), "code", "catalog.import.duplicateCode",
                            List.of(row.code(), earlier)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ProductWorkbook.ImportRefused(problems);
        }
        Map<String, Product> existing = new HashMap<>();
        products.findByLowerCodes(firstLine.keySet()).forEach(p -> existing.put(p.code().toLowerCase(Locale.ROOT), p));
        int created = 0;
        int updated = 0;
        var now = clock.instant();
        for (ProductWorkbook.Row row : rows) {
            Product product = existing.get(row.details().code().toLowerCase(Locale.ROOT));
            if (product == null) {
                product = Product.register(row.details(), now);
                created++;
            } else if (product.says(row.details(), row.active())) {
                // an unchanged row (the export imported back) is not an update: no new version, no audit entry
                continue;
            } else {
                product.correct(row.details(), now);
                updated++;
            }
            if (row.active()) {
                product.activate(now);
            } else {
                product.deactivate(now);
            }
            products.save(product);
        }
        audit.record("IMPORT", "Product", "catalogue", "catalog.audit.imported", created, updated);
        return new ProductImportResult(created, updated);
    }
}
