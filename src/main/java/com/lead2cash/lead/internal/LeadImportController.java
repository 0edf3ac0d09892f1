package com.lead2cash.lead.internal;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Import screens: template download, upload with the mode, progress and the per-row report. */
@Controller
@PreAuthorize(LeadImportController.IMPORTERS)
class LeadImportController {

    static final String IMPORTERS = "hasAnyRole('MARKETING','SALES_ASSISTANT','SALES_MANAGER','REGIONAL_MANAGER',"
            + "'SALES_DIRECTOR','ADMIN')";

    private final LeadImports imports;

    LeadImportController(LeadImports imports) {
        this.imports = imports;
    }

    @GetMapping("/leads/imports")
    String page(Model model) {
        model.addAttribute("imports", imports.mine());
        return "lead/imports";
    }

    @PostMapping("/leads/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam LeadImports.Mode mode,
                  RedirectAttributes redirect) throws IOException {
        try {
            UUID id = imports.start(file.getOriginalFilename(), file.getBytes(), mode);
            return "redirect:/leads/imports/" + id;
        } catch (DomainException e) {
            com.lead2cash.platform.web.Flash.error(redirect, e);
        }
        return "redirect:/leads/imports";
    }

    @GetMapping("/leads/imports/{id}")
    String status(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request",
            required = false) String htmx, Model model) {
        model.addAttribute("imp", imports.status(id));
        return htmx != null ? "lead/import-status :: status" : "lead/import-status";
    }

    @GetMapping("/leads/imports/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return download(LeadImportFile.templateXlsx(), "线索导入模板.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/leads/imports/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return download(LeadImportFile.templateCsv(), "线索导入模板.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The same over the API: upload as multipart, then poll the status. */
    @RestController
    @Tag(name = "Lead import")
    @PreAuthorize(IMPORTERS)
    static class Api {

        record Started(UUID id) {
        }

        private final LeadImports imports;

        Api(LeadImports imports) {
            this.imports = imports;
        }

        @Operation(summary = "Start an import of .xlsx or .csv; poll GET /api/v1/leads/imports/{id}")
        @PostMapping(value = "/api/v1/leads/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
        ResponseEntity<Started> start(@RequestParam("file") MultipartFile file,
                                      @RequestParam(defaultValue = "VALID_ROWS") LeadImports.Mode mode) throws IOException {
            UUID id = imports.start(file.getOriginalFilename(), file.getBytes(), mode);
            return ResponseEntity.accepted().location(URI.create("/api/v1/leads/imports/" + id)).body(new Started(id));
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "Progress and per-row report of an import")
        @GetMapping("/api/v1/leads/imports/{id}")
        LeadImports.ImportStatus status(@PathVariable UUID id) {
            return imports.status(id);
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "The import template (.xlsx)")
        @GetMapping(value = "/api/v1/leads/imports/template.xlsx", produces = XLSX)
        ResponseEntity<byte[]> template() {
            return download(LeadImportFile.templateXlsx(), "lead-import-template.xlsx",
                    MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        }
    }
}
