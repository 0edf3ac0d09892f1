package com.lead2cash.sop.internal.calendar;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.sop.DayKind;
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

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        return render(year, model, Map.of());
    }

    @PostMapping("/admin/calendar/settings")
    String settings(@RequestParam(defaultValue = "") String zone,
                    @RequestParam(required = false) @DateTimeFormat(pattern = "H:mm") LocalTime workStart,
                    @RequestParam(required = false) @DateTimeFormat(pattern = "H:mm") LocalTime workEnd,
                    @RequestParam(required = false) Set<DayOfWeek> workingWeekdays, RefusedInput refused, Model model,
                    RedirectAttributes redirect) {
        try {
            refused.check();
            calendar.updateSettings(zone, workStart, workEnd, workingWeekdays);
            Flash.success(redirect, "calendar.flash.settings");
            return "redirect:/admin/calendar";
        } catch (FieldValidationException e) {
            return render(null, model, errors(e));
        }
    }

    @PostMapping("/admin/calendar/exceptions")
    String add(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
               @RequestParam(required = false) DayKind kind, @RequestParam(required = false) String note,
               RefusedInput refused, Model model,
               RedirectAttributes redirect) {
        try {
            refused.check();
            calendar.addException(day, kind, note);
            Flash.success(redirect, "calendar.flash.added", day);
            return "redirect:/admin/calendar?year=" + day.getYear();
        } catch (FieldValidationException e) {
            return render(null, model, errors(e));
        }
    }

    @PostMapping("/admin/calendar/exceptions/remove")
    String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  RedirectAttributes redirect) {
        calendar.removeException(day);
        Flash.success(redirect, "calendar.flash.removed", day);
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/admin/calendar/import")
    String importFile(@RequestParam("file") MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            CalendarService.ImportResult result = calendar.importFile(file.getBytes());
            Flash.success(redirect, "calendar.flash.imported", result.imported(), result.holidays(), result.workdays());
            return "redirect:/admin/calendar";
        } catch (CalendarService.ImportRefused e) {
            model.addAttribute("importErrors", e.errors());
            model.addAttribute("moreImportErrors", e.unreported());
            return render(null, model, Map.of());
        } catch (FieldValidationException e) {
            return render(null, model, errors(e));
        }
    }

    private String render(Integer year, Model model, Map<String, FieldValidationException.FieldError> errors) {
        CalendarService.Settings s = calendar.settings();
        int y = calendar.yearToShow(year);
        model.addAttribute("settings", s);
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
