package com.lead2cash.sop.internal.calendar;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.RequestRefusedException;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.sop.DayKind;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The working calendar administration screen: settings, the exceptions of a year, file import. */
@Controller
class CalendarAdminController {

    private final CalendarService calendar;

    CalendarAdminController(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** The settings form's values: the stored ones, or as posted when the form comes back refused. */
    record SettingsForm(String zone, LocalTime workStart, LocalTime workEnd, Set<DayOfWeek> workingWeekdays) {
    }

    /** The day form's values: empty, or as typed when that form comes back refused (never another form's day). */
    record ExceptionForm(String day, String kind, String note) {
        static final ExceptionForm EMPTY = new ExceptionForm(null, null, null);
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        return render(year, model, Map.of(), null, null);
    }

    /**
     * The year a form of the screen was viewed at (each carries it as {@code year}): a refused one comes back on that
     * year, a saved settings change or import returns to it. One the calendar does not show counts as none (this year).
     */
    private static Integer viewed(Integer year) {
        return year != null && year >= CalendarService.FIRST_YEAR && year <= CalendarService.LAST_YEAR ? year : null;
    }

    private static String backTo(Integer year) {
        Integer shown = viewed(year);
        return shown == null ? "redirect:/admin/calendar" : "redirect:/admin/calendar?year=" + shown;
    }

    /*
     * Every form of the screen changes the calendar and carries the revision it was shown at (the page version guard):
     * one sent without it is refused (428, nothing changed); one read before another administrator's change comes back
     * with the stale-version message and nothing changed, still at the revision it was read at, so that sending it
     * again is refused too until the screen is reloaded and the other change seen.
     */

    @PostMapping("/admin/calendar/settings")
    String settings(@RequestParam(defaultValue = "") String zone,
                    @RequestParam(required = false) @DateTimeFormat(pattern = "H:mm") LocalTime workStart,
                    @RequestParam(required = false) @DateTimeFormat(pattern = "H:mm") LocalTime workEnd,
                    @RequestParam(required = false) Set<DayOfWeek> workingWeekdays,
                    @RequestParam(name = "version", required = false) String version,
                    @RequestParam(required = false) Integer year, RefusedInput refused,
                    Model model, RedirectAttributes redirect) {
        long read = formVersion(version);
        SettingsForm posted = new SettingsForm(zone, workStart, workEnd,
                workingWeekdays == null ? Set.of() : workingWeekdays);
        try {
            refused.check();
            calendar.updateSettings(zone, workStart, workEnd, workingWeekdays, read);
            Flash.success(redirect, "calendar.flash.settings");
            return backTo(year);
        } catch (FieldValidationException e) {
            return render(viewed(year), model, errors(e), posted, read);
        } catch (ConflictException e) {
            return stale(year, model, e, posted, read);
        }
    }

    @PostMapping("/admin/calendar/exceptions")
    String add(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
               @RequestParam(required = false) DayKind kind, @RequestParam(required = false) String note,
               @RequestParam(name = "version", required = false) String version,
               @RequestParam(required = false) Integer year, RefusedInput refused, HttpServletRequest request,
               Model model, RedirectAttributes redirect) {
        long read = formVersion(version);
        // as typed: a day the input rules refused is read as null, but shown back as it was typed
        model.addAttribute("exceptionForm", new ExceptionForm(request.getParameter("day"), request.getParameter("kind"),
                request.getParameter("note")));
        try {
            refused.check();
            calendar.addException(day, kind, note, read);
            Flash.success(redirect, "calendar.flash.added", day);
            return "redirect:/admin/calendar?year=" + day.getYear();
        } catch (FieldValidationException e) {
            return render(viewed(year), model, errors(e), null, read);
        } catch (ConflictException e) {
            return stale(year, model, e, null, read);
        }
    }

    @PostMapping("/admin/calendar/exceptions/remove")
    String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  @RequestParam(name = "version", required = false) String version,
                  @RequestParam(required = false) Integer year, Model model, RedirectAttributes redirect) {
        long read = formVersion(version);
        try {
            calendar.removeException(day, read);
        } catch (ConflictException e) {
            return stale(year, model, e, null, read);
        }
        Flash.success(redirect, "calendar.flash.removed", day);
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/admin/calendar/import")
    String importFile(@RequestParam("file") MultipartFile file,
                      @RequestParam(name = "version", required = false) String version,
                      @RequestParam(required = false) Integer year, Model model,
                      RedirectAttributes redirect) throws IOException {
        long read = formVersion(version);
        try {
            CalendarService.ImportResult result = calendar.importFile(file.getBytes(), read);
            Flash.success(redirect, "calendar.flash.imported", result.imported(), result.holidays(), result.workdays());
            return backTo(year);
        } catch (CalendarService.ImportRefused e) {
            model.addAttribute("importErrors", e.errors());
            model.addAttribute("moreImportErrors", e.unreported());
            return render(viewed(year), model, Map.of(), null, read);
        } catch (FieldValidationException e) {
            return render(viewed(year), model, errors(e), null, read);
        } catch (ConflictException e) {
            return stale(year, model, e, null, read);
        }
    }

    /** The revision a form was shown at; missing, blank or no number refused as the page version guard refuses it. */
    private static long formVersion(String version) {
        if (version != null) {
            try {
                return Long.parseLong(version.strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new RequestRefusedException(428, null, "error.page.versionRequired");
    }

    private String stale(Integer year, Model model, ConflictException e, SettingsForm posted, long read) {
        model.addAttribute("staleVersion", e.messageKey());
        return render(viewed(year), model, Map.of(), posted, read);
    }

    private String render(Integer year, Model model, Map<String, FieldValidationException.FieldError> errors,
                          SettingsForm posted, Long formVersion) {
        CalendarService.Settings s = calendar.settings();
        int y = calendar.yearToShow(year);
        model.addAttribute("settings", s);
        model.addAttribute("settingsForm", posted != null ? posted
                : new SettingsForm(s.zone().getId(), s.workStart(), s.workEnd(), s.workingWeekdays()));
        // the page version guard: the revision the forms' values were read at (a refused form keeps the one it was
        // read at)
        model.addAttribute("formVersion", formVersion != null ? formVersion : s.revision());
        if (!model.containsAttribute("exceptionForm")) {
            model.addAttribute("exceptionForm", ExceptionForm.EMPTY);
        }
        model.addAttribute("year", y);
        model.addAttribute("exceptions", calendar.exceptions(y));
        model.addAttribute("nextYearMissing", calendar.nextYearMissing());
        model.addAttribute("nextYear", calendar.nextYear());
        model.addAttribute("allWeekdays", EnumSet.allOf(DayOfWeek.class));
        model.addAttribute("errors", errors);
        return "sop/calendar";
    }

    private static Map<String, FieldValidationException.FieldError> errors(FieldValidationException e) {
        Map<String, FieldValidationException.FieldError> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), f));
        return errors;
    }

    @Configuration(proxyBeanMethods = false)
    static class CalendarNavigation {

        @Bean
        NavigationEntry calendarNavigation() {
            return new NavigationEntry("nav.calendar", "/admin/calendar", 925, Set.of(Role.ADMIN));
        }
    }
}
