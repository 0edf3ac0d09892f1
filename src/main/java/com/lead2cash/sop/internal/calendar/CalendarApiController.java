package com.lead2cash.sop.internal.calendar;

import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.DayKind;
import com.lead2cash.sop.internal.CalendarFileParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The working calendar over the API: anyone signed in reads it, an administrator maintains it. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Working calendar", description = "Working hours, weekdays, holidays and make-up working days")
class CalendarApiController {

    record ExceptionDto(LocalDate day, DayKind kind, String note, String source) {
    }

    /** {@code version} is the revision, as every record answers it for updates. */
    record CalendarDto(String zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workingWeekdays,
                       long revision, long version, int year, List<ExceptionDto> exceptions,
                       @io.swagger.v3.oas.annotations.media.Schema(description = "From 1 November on: true while next "
                               + "year's official schedule is not loaded — none of its days came from the shipped "
                               + "official schedule and its New Year's Day, Spring Festival, Labour Day and National Day "
                               + "are not all holidays (as an imported official schedule makes them); a company's own "
                               + "days do not count")
                       boolean nextYearMissing) {
    }

    record SettingsRequest(@NotNull String zone, @NotNull LocalTime workStart, @NotNull LocalTime workEnd,
                           @NotNull Set<DayOfWeek> workingWeekdays, Long version)
            implements com.lead2cash.platform.Versioned {
    }

    record ExceptionRequest(@NotNull LocalDate day, @NotNull DayKind kind, String note) {
    }

    /**
     * A refused line as every 422 names a field error (decision 0014): field {@code lines[<n>]}, code and
     * message; {@code line} and {@code text} say which line it was and what it read.
     */
    record LineProblem(String field, String code, String message, int line, String text) {
    }

    /**
     * The problem a refused import answers (for the API document): RFC 9457 with one field error per bad line,
     * the first {@value CalendarFileParser#REPORTED_ERRORS} of them; {@code moreErrors} counts the bad lines beyond.
     */
    record ImportRefusedProblem(java.net.URI type, String title, int status, String detail, String instance,
                                String code, List<LineProblem> errors, int moreErrors) {
    }

    /** One operation in the API document, whether the lines come as text or as an uploaded file. */
    static final String IMPORT_SUMMARY = "Import 'YYYY-MM-DD holiday|workday' lines, as text/plain or as a file in "
            + "multipart field 'file'; any bad line (a date of a year outside last year to five years ahead among them) refuses "
            + "the file (422, one error per line, field lines[n], the first 100 listed and moreErrors counting the rest) and "
            + "imports nothing, as does a file without a date, one that is not UTF-8 text, or one that would leave a month "
            + "without a working day (422 on field file)";

    private final CalendarService calendar;
    private final MessageSource messages;

    CalendarApiController(CalendarService calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Settings and the dated exceptions of one year (default: this year; a year no date may name is refused, 400)")
    CalendarDto get(@RequestParam(required = false) Integer year) {
        CalendarService.Settings s = calendar.settings();
        int y = calendar.yearToShow(year);
        return new CalendarDto(s.zone().getId(), s.workStart(), s.workEnd(), s.workingWeekdays(), s.revision(),
                s.revision(), y,
                calendar.exceptions(y).stream().map(e -> new ExceptionDto(e.day(), e.kind(), e.note(), e.source())).toList(),
                calendar.nextYearMissing());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change working hours, weekdays and zone (version or If-Match required: 428 without, 409 when stale)")
    // not @Valid: the calendar names every refused field at once (a missing zone beside reversed hours), not the
    // missing ones alone; @NotNull stays for the document's required fields
    CalendarDto put(@RequestBody SettingsRequest request) {
        calendar.updateSettings(request.zone(), request.workStart(), request.workEnd(), request.workingWeekdays(),
                request.version());
        return get(null);
    }

    @PostMapping("/exceptions")
    @PreAuthorize("hasRole('ADMIN')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Add or replace a dated exception (holiday or make-up working day)")
    @com.lead2cash.platform.web.NoLocation("an exception has no address of its own; it is read in the calendar (GET /api/v1/calendar)")
    ResponseEntity<ExceptionDto> addException(@Valid @RequestBody ExceptionRequest request) {
        calendar.addException(request.day(), request.kind(), request.note());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ExceptionDto(request.day(), request.kind(), request.note(), "MANUAL"));
    }

    @DeleteMapping("/exceptions/{day}")
    @PreAuthorize("hasRole('ADMIN')")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a dated exception")
    ResponseEntity<Void> removeException(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        if (!calendar.removeException(day)) {
            throw new RecordNotFoundException("CalendarException", day);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/import", consumes = {MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = IMPORT_SUMMARY)
    @ImportAnswers
    ResponseEntity<?> importText(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string",
            example = "2027-01-01 holiday\n2027-02-06 workday"))) @RequestBody(required = false) byte[] body) {
        return importContent(body == null ? new byte[0] : body);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = IMPORT_SUMMARY)
    @ImportAnswers
    ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return importContent(file.getBytes());
    }

    private ResponseEntity<?> importContent(byte[] content) {
        try {
            return ResponseEntity.ok(calendar.importFile(content));
        } catch (CalendarService.ImportRefused e) {
            var locale = LocaleContextHolder.getLocale();
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            problem.setTitle(messages.getMessage("calendar.import.refused", null, locale));
            problem.setDetail(messages.getMessage("calendar.import.refused", null, locale));
            problem.setType(java.net.URI.create("urn:lead2cash:problem:calendar.import.refused"));
            problem.setProperty("code", "calendar.import.refused");
            problem.setProperty("errors", e.errors().stream().map(l -> new LineProblem("lines[" + l.line() + "]", l.messageKey(),
                    lineMessage(l, locale), l.line(), l.text())).toList());
            problem.setProperty("moreErrors", e.unreported());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    /** What an import answers: the counts imported, or every bad line (and nothing imported). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Imported",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CalendarService.ImportResult.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "Invalid lines; nothing imported",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImportRefusedProblem.class)))
    @interface ImportAnswers {
    }

    private String lineMessage(CalendarFileParser.LineError l, java.util.Locale locale) {
        return messages.getMessage("calendar.import.line", new Object[] {l.line(),
                messages.getMessage(l.messageKey(), l.args().toArray(), l.defaultMessage(), locale)}, locale);
    }
}
