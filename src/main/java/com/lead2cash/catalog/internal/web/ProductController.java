package com.lead2cash.catalog.internal.web;

import com.lead2cash.catalog.internal.CatalogRoles;
import com.lead2cash.catalog.internal.Product;
import com.lead2cash.catalog.internal.ProductDetails;
import com.lead2cash.catalog.internal.ProductQueries;
import com.lead2cash.catalog.internal.ProductService;
import com.lead2cash.catalog.internal.ProductWorkbook;
import com.lead2cash.files.ContentTypes;
import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.VatRates;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.RefusedInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue screens: the product list with search and filters, the product form, Excel export and import. */
@Controller
@PreAuthorize("isAuthenticated()")
class ProductController {

    static final String[] FIELDS = {"code", "name", "specification", "unit", "productLine", "listPrice", "taxRate"};

    /** The product form as the browser posts it. */
    record ProductForm(String code, String name, String specification, String unit, String productLine,
                       BigDecimal listPrice, BigDecimal taxRate, Long version) {

        static ProductForm blank() {
            return new ProductForm(null, null, null, null, null, null, new BigDecimal("13"), null);
        }

        static ProductForm of(Product p) {
            return new ProductForm(p.code(), p.name(), p.specification(), p.unit(), p.productLine(), p.listPrice(),
                    p.taxRate(), p.version());
        }

        ProductDetails details() {
            return ProductDetails.validated(code, name, specification, unit, productLine, listPrice, taxRate);
        }
    }

    private final ProductService products;
    private final ProductQueries queries;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ContentTypes contentTypes;

    ProductController(ProductService products, ProductQueries queries, AuditTrail audit, MessageSource messages,
                      ContentTypes contentTypes) {
        this.products = products;
        this.queries = queries;
        this.audit = audit;
        this.messages = messages;
        this.contentTypes = contentTypes;
    }

    @GetMapping("/products")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String productLine,
                @RequestParam(required = false) Boolean active, @RequestParam(required = false) String cursor,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CursorPage<ProductQueries.ProductRow> page = queries.list(new ProductQueries.ProductFilter(q, productLine,
                active == null ? Boolean.TRUE : active, cursor, 50));
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("productLine", productLine);
        model.addAttribute("active", active == null ? Boolean.TRUE : active);
        model.addAttribute("productLines", queries.productLines());
        model.addAttribute("mayEdit", mayEdit());
        // an empty list says "none match" when products are there but none fit; with none at all, "none yet"
        model.addAttribute("catalogueEmpty", page.items().isEmpty() && cursor == null && queries.catalogueEmpty());
        return htmx != null && cursor != null ? "catalog/products :: rows" : "catalog/products";
    }

    @GetMapping("/products/new")
    @PreAuthorize(CatalogRoles.EDITORS)
    String newForm(Model model) {
        return form(model, ProductForm.blank(), null, FormProblems.NONE);
    }

    @PostMapping("/products")
    @PreAuthorize(CatalogRoles.EDITORS)
    String create(@ModelAttribute("form") ProductForm form, BindingResult binding, RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale) {
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return form(model, form, null, unreadable);
        }
        try {
            refused.check();
            Product p = products.register(form.details());
            Flash.success(redirect, "catalog.product.saved", p.code());
            return "redirect:/products?q=" + java.net.URLEncoder.encode(p.code(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (DomainException e) {
            return form(model, form, null, FormProblems.of(e, messages, locale, FIELDS));
        }
    }

    @GetMapping("/products/{id}")
    @PreAuthorize(CatalogRoles.EDITORS)
    String edit(@PathVariable UUID id, Model model) {
        Product p = products.require(id);
        return form(model, ProductForm.of(p), p, FormProblems.NONE);
    }

    @PostMapping("/products/{id}")
    @PreAuthorize(CatalogRoles.EDITORS)
    String correct(@PathVariable UUID id, @ModelAttribute("form") ProductForm form, BindingResult binding,
                   RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        Product p = products.require(id);
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return form(model, form, p, unreadable);
        }
        try {
            refused.check();
            products.correct(id, form.details(), form.version());
            Flash.success(redirect, "catalog.product.saved", form.code());
            return "redirect:/products/" + id;
        } catch (OptimisticLockingFailureException e) {
            return form(model, form, p, FormProblems.of(new DomainException("error.staleVersion"), messages, locale));
        } catch (DomainException e) {
            return form(model, form, p, FormProblems.of(e, messages, locale, FIELDS));
        }
    }

    @PostMapping("/products/{id}/active")
    @PreAuthorize(CatalogRoles.EDITORS)
    String setActive(@PathVariable UUID id, @RequestParam boolean active, @RequestParam(required = false) Long version,
                     RedirectAttributes redirect) {
        try {
            Product p = products.setActive(id, active, version);
            Flash.success(redirect, active ? "catalog.product.activated" : "catalog.product.deactivated", p.code());
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        }
        return "redirect:/products/" + id;
    }

    @GetMapping("/products/export.xlsx")
    ResponseEntity<byte[]> export() {
        audit.record("EXPORT", "Product", "catalogue", "catalog.audit.exported");
        return ProductWorkbooks.download(queries);
    }

    @GetMapping("/products/import")
    @PreAuthorize(CatalogRoles.EDITORS)
    String importForm(Model model) {
        model.addAttribute("problems", List.of());
        return "catalog/import";
    }

    @PostMapping("/products/import")
    @PreAuthorize(CatalogRoles.EDITORS)
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
                      Locale locale) throws IOException {
        try {
            ProductService.ProductImportResult result = products.importRows(ProductWorkbooks.read(file, contentTypes));
            Flash.success(redirect, "catalog.import.done", result.created(), result.updated());
            return "redirect:/products";
        } catch (ProductWorkbook.ImportRefused refused) {
            model.addAttribute("problems", refused.problems().stream().map(p -> new RowMessage(p.line(), ProductWorkbook.columnLabel(p.field(), locale),
                    messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale))).toList());
            return "catalog/import";
        } catch (DomainException e) {
            model.addAttribute("problems", List.of(new RowMessage(null, null,
                    FormProblems.of(e, messages, locale).fields().values().stream().findFirst()
                            .orElseGet(() -> messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale)))));
            return "catalog/import";
        }
    }

    /** One refusal of an import as the screen lists it. */
    record RowMessage(Integer line, String field, String message) {
    }

    private String form(Model model, ProductForm form, Product product, FormProblems problems) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("problems", problems);
        model.addAttribute("productLines", queries.productLines());
        model.addAttribute("vatRates", VatRates.LAWFUL);
        return "catalog/product-form";
    }

    private static boolean mayEdit() {
        return CatalogRoles.currentUserEdits();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {
        @Bean
        NavigationEntry productsNavigation() {
            return new NavigationEntry("catalog.nav.products", "/products", 140, Set.of(Role.ADMIN, Role.SALES_DIRECTOR,
                    Role.REGIONAL_MANAGER, Role.SALES_MANAGER, Role.SALES_REP, Role.ACCOUNT_MANAGER, Role.SALES_ASSISTANT,
                    Role.OPERATIONS, Role.FINANCE, Role.TECH_SUPPORT));
        }
    }
}
