package com.lead2cash.catalog.internal.web;

import com.lead2cash.platform.web.VersionedAction;
import com.lead2cash.catalog.Catalog;
import com.lead2cash.catalog.internal.CatalogRoles;
import com.lead2cash.catalog.internal.Product;
import com.lead2cash.catalog.internal.ProductDetails;
import com.lead2cash.catalog.internal.ProductQueries;
import com.lead2cash.catalog.internal.ProductService;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.files.ContentTypes;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The product catalogue over the API: list, register, correct, (de)activate, resolve a price, Excel export and import. */
@RestController
@Tag(name = "Products")
@PreAuthorize("isAuthenticated()")
class ProductApiController {

    /** A product as a client sends it (SPEC §6: code, name, listPrice and taxRate required). */
    record ProductRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String specification,
                          String unit, String productLine,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal listPrice,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal taxRate) {
        ProductDetails details() {
            return ProductDetails.validated(code, name, specification, unit, productLine, listPrice, taxRate);
        }
    }

    /** A correction of a product, with the version it was read at. */
    record ProductUpdate(String code, String name, String specification, String unit, String productLine,
                         BigDecimal listPrice, BigDecimal taxRate, Long version) implements Versioned {
        ProductDetails details() {
            return ProductDetails.validated(code, name, specification, unit, productLine, listPrice, taxRate);
        }
    }

    record ProductView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, String specification,
                       String unit, String productLine,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal listPrice,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal taxRate, boolean active,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency, long version) {
        static ProductView of(Product p) {
            return new ProductView(p.id(), p.code(), p.name(), p.specification(), p.unit(), p.productLine(),
                    p.listPrice(), p.taxRate(), p.active(), "CNY", p.version());
        }

        static ProductView of(ProductQueries.ProductRow p) {
            return new ProductView(p.id(), p.code(), p.name(), p.specification(), p.unit(), p.productLine(),
                    p.listPrice(), p.taxRate(), p.active(), "CNY", p.version());
        }
    }

    private final ProductService products;
    private final ProductQueries queries;
    private final Catalog catalog;
    private final CustomerDirectory customers;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final ContentTypes contentTypes;

    ProductApiController(ProductService products, ProductQueries queries, Catalog catalog, CustomerDirectory customers,
                         AuditTrail audit, Clock clock, @Value("${l2c.zone}") ZoneId zone,
                         ContentTypes contentTypes) {
        this.products = products;
        this.queries = queries;
        this.catalog = catalog;
        this.customers = customers;
        this.audit = audit;
        this.contentTypes = contentTypes;
        this.clock = clock;
        this.zone = zone;
    }

    @Operation(summary = "The catalogue by code; q matches code, name or specification")
    @GetMapping("/api/v1/products")
    CursorPage<ProductView> list(@RequestParam(required = false) String q,
                                 @RequestParam(required = false) String productLine,
                                 @RequestParam(required = false) Boolean active,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer size) {
        return queries.list(new ProductQueries.ProductFilter(q, productLine, active, cursor, size)).map(ProductView::of);
    }

    @Operation(summary = "Register a product (code unique whatever its case)")
    @PostMapping("/api/v1/products")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CatalogRoles.EDITORS)
    ResponseEntity<ProductView> create(@RequestBody ProductRequest body) {
        ProductView view = ProductView.of(products.register(body.details()));
        return ResponseEntity.created(URI.create("/api/v1/products/" + view.id())).body(view);
    }

    @Operation(summary = "One product")
    @GetMapping("/api/v1/products/{id}")
    ProductView get(@PathVariable UUID id) {
        return ProductView.of(products.require(id));
    }

    @Operation(summary = "Correct a product (409 on a stale version)")
    @PutMapping("/api/v1/products/{id}")
    @PreAuthorize(CatalogRoles.EDITORS)
    ProductView correct(@PathVariable UUID id, @RequestBody ProductUpdate body) {
        return ProductView.of(products.correct(id, body.details(), body.version()));
    }

    @Operation(summary = "No longer offered in new quotes")
    @PostMapping("/api/v1/products/{id}/deactivate")
    @PreAuthorize(CatalogRoles.EDITORS)
    ProductView deactivate(@PathVariable UUID id, @RequestBody VersionedAction body) {
        return ProductView.of(products.setActive(id, false, body.version()));
    }

    @Operation(summary = "Offered again in new quotes")
    @PostMapping("/api/v1/products/{id}/activate")
    @PreAuthorize(CatalogRoles.EDITORS)
    ProductView activate(@PathVariable UUID id, @RequestBody VersionedAction body) {
        return ProductView.of(products.setActive(id, true, body.version()));
    }

    @Operation(summary = "The unit price a customer gets on a day (a named price list, the customer's group list, the standard list, or the list price); a customer outside the caller's scope is not found")
    @GetMapping("/api/v1/products/{id}/price")
    Catalog.Price price(@PathVariable UUID id, @RequestParam(required = false) UUID customerId,
                        @RequestParam(required = false) UUID priceListId, @RequestParam(required = false) LocalDate on) {
        if (customerId != null) {
            // a customer's price tells its group: outside the caller's scope it is not found, as an unknown id
            customers.requireVisible(customerId);
        }
        return catalog.priceFor(id, customerId, priceListId, on != null ? on : LocalDate.now(clock.withZone(zone)));
    }

    @Operation(summary = "The catalogue as an Excel workbook (also the import template)")
    @GetMapping(path = "/api/v1/products/export", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "产品目录.xlsx",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> export() {
        audit.record("EXPORT", "Product", "catalogue", "catalog.audit.exported");
        return ProductWorkbooks.download(queries);
    }

    @Operation(summary = "Import the catalogue from an Excel workbook (.xlsx) or a CSV file (UTF-8, GB18030, or UTF-16 with its byte-order mark) with the same columns: "
            + "rows update products by code or add them; one refused row refuses the file")
    @PostMapping(path = "/api/v1/products/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CatalogRoles.EDITORS)
    ProductService.ProductImportResult importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return products.importRows(ProductWorkbooks.read(file, contentTypes));
    }
}
