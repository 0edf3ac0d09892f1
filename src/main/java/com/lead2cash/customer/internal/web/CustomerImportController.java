package com.lead2cash.customer.internal.web;

import com.lead2cash.customer.internal.CustomerAccess;
import com.lead2cash.customer.internal.io.CustomerImports;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.ImportProblem;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer import screens: template, upload with the mode, progress and the per-row report; and the same over the API. */
@Controller
@PreAuthorize(CustomerAccess.WORKER_ROLES)
class CustomerImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CustomerImports imports;
    private final CustomerAccess access;

    CustomerImportController(CustomerImports imports, CustomerAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @GetMapping("/customers/imports")
    String page(Model model) {
        model.addAttribute("imports", imports.mine());
        // whose customers the reader may import: the help says it in the words of their scope
        model.addAttribute("importScope", access.scope().kind().name());
        return "customer/imports";
    }

    @PostMapping("/customers/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam CustomerImports.Mode mode, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        try {
            UUID id = imports.start(file.getOriginalFilename(), file.getBytes(), mode, locale);
            return "redirect:/customers/imports/" + id;
        } catch (DomainException e) {
            Flash.error(redirect, e);
            if (e instanceof CustomerImports.AlreadyImported again) {
                Flash.errorLink(redirect, "import.openEarlier", "/customers/imports/" + again.earlier());
            }
        }
        return "redirect:/customers/imports";
    }

    @GetMapping("/customers/imports/{id}")
    String status(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        CustomerImports.CustomerImportPage page = imports.page(id);
        model.addAttribute("imp", page.status());
        model.addAttribute("problems", page.problems());
        return htmx != null ? "customer/import-status :: status" : "customer/import-status";
    }

    @GetMapping("/customers/imports/{id}/report.xlsx")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        send(imports.report(id), "客户导入被拒绝的行.xlsx", response);
    }

    /** The report of an import already found to be the caller's, sent as it is written. */
    static void send(CustomerImports.CustomerImportReport report, String fileName, HttpServletResponse response)
            throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        report.writeTo(response.getOutputStream());
    }

    @GetMapping("/customers/imports/template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("客户导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(imports.template(LocaleContextHolder.getLocale()));
    }

    /** The same over the API: upload as multipart, then poll the status. */
    @RestController
    @Tag(name = "Customer import")
    @PreAuthorize(CustomerAccess.WORKER_ROLES)
    static class Api {

        record CustomerImportStarted(UUID id) {
        }

        private final CustomerImports imports;

        Api(CustomerImports imports) {
            this.imports = imports;
        }

        @Operation(summary = "Start an import of customers from .xlsx or .csv; poll GET /api/v1/customers/imports/{id}. "
                + "409 with importId when you imported the same file before and that import is under way or imported"
                + " customers")
        @PostMapping(value = "/api/v1/customers/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @ResponseStatus(HttpStatus.ACCEPTED)
        @Refuses(409)
        ResponseEntity<CustomerImportStarted> start(@RequestParam("file") MultipartFile file,
                                                    @RequestParam(defaultValue = "VALID_ROWS") CustomerImports.Mode mode,
                                                    Locale locale) throws IOException {
            UUID id = imports.start(file.getOriginalFilename(), file.getBytes(), mode, locale);
            return ResponseEntity.accepted().location(URI.create("/api/v1/customers/imports/" + id))
                    .body(new CustomerImportStarted(id));
        }

        @Operation(summary = "The progress of one of your customer imports, its first " + ImportProblem.SHOWN
                + " problems (errors), how many"
                + " there are (problemCount) and the report that has them all (report)")
        // an id has no dot: the template (template.xlsx) asked for in a type it is not is refused 406 as the
        // spreadsheet it is, not taken for an import's id (400)
        @GetMapping("/api/v1/customers/imports/{id:[^.]+}")
        CustomerImports.CustomerImportStatus status(@PathVariable UUID id) {
            return imports.status(id);
        }

        // no "produces": a bad id is answered with a problem (400/404) like on every other route, not 406
        @Operation(summary = "The rows one of your customer imports refused, in the template's columns with their reasons"
                + " in the last one, as an .xlsx to correct and import again")
        @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The report",
                content = @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX))
        @GetMapping("/api/v1/customers/imports/{id}/report.xlsx")
        void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
            send(imports.report(id), "customer-import-report.xlsx", response);
        }

        @Operation(summary = "The customer import template (.xlsx), its headers in the caller's language, as the import"
                + " screen gives it")
        @GetMapping(value = "/api/v1/customers/imports/template.xlsx", produces = XLSX)
        ResponseEntity<byte[]> template() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("customer-import-template.xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(imports.template(LocaleContextHolder.getLocale()));
        }
    }
}
