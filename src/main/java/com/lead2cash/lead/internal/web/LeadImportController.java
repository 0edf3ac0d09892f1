package com.lead2cash.lead.internal.web;

import com.lead2cash.lead.internal.io.LeadImportFile;
import com.lead2cash.lead.internal.io.LeadImportSettings;
import com.lead2cash.lead.internal.io.LeadImports;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Import screens: template download, upload with the mode, progress, the per-row report and its file. */
@Controller
@PreAuthorize(LeadImportController.IMPORTERS)
public class LeadImportController {

    static final String IMPORTERS = "hasAnyRole('MARKETING','SALES_ASSISTANT','SALES_MANAGER','REGIONAL_MANAGER',"
            + "'SALES_DIRECTOR','ADMIN')";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);

    private final LeadImports imports;
    private final LeadImportSettings settings;
    private final DataSize maxUpload;
    private final MessageSource messages;

    LeadImportController(LeadImports imports, LeadImportSettings settings,
                         @Value("${spring.servlet.multipart.max-file-size}") DataSize maxUpload, MessageSource messages) {
        this.imports = imports;
        this.settings = settings;
        this.maxUpload = maxUpload;
        this.messages = messages;
    }

    @GetMapping("/leads/imports")
    String page(Model model) {
        model.addAttribute("imports", imports.mine());
        model.addAttribute("maxRows", settings.maxRows());
        model.addAttribute("maxMegabytes", maxUpload.toMegabytes());
        return "lead/imports";
    }

    @PostMapping("/leads/imports")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam LeadImports.Mode mode,
                  RedirectAttributes redirect) {
        try {
            UUID id = withUpload(file, path -> imports.start(file.getOriginalFilename(), path, mode));
            return "redirect:/leads/imports/" + id;
        } catch (DomainException e) {
            Flash.error(redirect, e);
            if (e instanceof LeadImports.AlreadyImported again) {
                Flash.errorLink(redirect, "import.openEarlier", "/leads/imports/" + again.earlier());
            }
        }
        return "redirect:/leads/imports";
    }

    @GetMapping("/leads/imports/{id}")
    String status(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model) {
        model.addAttribute("imp", imports.status(id));
        model.addAttribute("problems", imports.problems(id));
        return htmx != null ? "lead/import-status :: status" : "lead/import-status";
    }

    @GetMapping("/leads/imports/{id}/report.xlsx")
    ResponseEntity<byte[]> report(@PathVariable UUID id) {
        return download(imports.errorReport(id), "线索导入错误报告.xlsx", XLSX_TYPE);
    }

    @GetMapping("/leads/imports/template.xlsx")
    ResponseEntity<byte[]> templateXlsx() {
        return download(LeadImportFile.templateXlsx(messages, LocaleContextHolder.getLocale()), "线索导入模板.xlsx",
                XLSX_TYPE);
    }

    @GetMapping("/leads/imports/template.csv")
    ResponseEntity<byte[]> templateCsv() {
        return download(LeadImportFile.templateCsv(), "线索导入模板.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /** The upload as a file of its own for as long as the request reads it. */
    static <T> T withUpload(MultipartFile file, Function<Path, T> work) {
        Path copy = null;
        try {
            copy = Files.createTempFile("l2c-import-", ".upload");
            try (var in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return work.apply(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /** The same over the API: upload as multipart, then poll the status. */
    @RestController
    @Tag(name = "Lead import")
    @PreAuthorize(IMPORTERS)
    static class Api {

        record Started(UUID id) {
        }

        private final LeadImports imports;
        private final MessageSource messages;

        Api(LeadImports imports, MessageSource messages) {
            this.imports = imports;
            this.messages = messages;
        }

        @Operation(summary = "Start an import of .xlsx or .csv (told by the content, not the name: anything else is 422); "
                + "poll GET /api/v1/leads/imports/{id}. 409 with importId "
                + "when the same file was imported before; 429 when too many imports are under way; 413 above the upload limit")
        @PostMapping(value = "/api/v1/leads/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @ResponseStatus(HttpStatus.ACCEPTED)
        @Refuses({409, 413, 429})
        ResponseEntity<Started> start(@RequestParam("file") MultipartFile file,
                                      @RequestParam(defaultValue = "VALID_ROWS") LeadImports.Mode mode) {
            UUID id = withUpload(file, path -> imports.start(file.getOriginalFilename(), path, mode));
            return ResponseEntity.accepted().location(URI.create("/api/v1/leads/imports/" + id)).body(new Started(id));
        }

        @Operation(summary = "Progress and per-row report of an import")
        // an id has no dot: the template (template.xlsx) asked for in a type it is not is refused 406 as the
        // spreadsheet it is, not taken for an import's id (400)
        @GetMapping("/api/v1/leads/imports/{id:[^.]+}")
        LeadImports.ImportStatus status(@PathVariable UUID id) {
            return imports.status(id);
        }

        // no "produces": a bad id is answered with a problem (400/404) like on every other route, not 406
        @Operation(summary = "The rows not imported with their reasons, as an .xlsx to correct and import again")
        @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The report",
                content = @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX))
        @GetMapping("/api/v1/leads/imports/{id}/report.xlsx")
        ResponseEntity<byte[]> report(@PathVariable UUID id) {
            return download(imports.errorReport(id), "lead-import-report.xlsx", XLSX_TYPE);
        }

        @Operation(summary = "The import template (.xlsx)")
        @GetMapping(value = "/api/v1/leads/imports/template.xlsx", produces = XLSX)
        ResponseEntity<byte[]> template() {
            return download(LeadImportFile.templateXlsx(messages, LocaleContextHolder.getLocale()),
                    "lead-import-template.xlsx", XLSX_TYPE);
        }
    }
}
