package com.lead2cash.region.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The region picker's htmx requests: the picker re-rendered after an interaction, and suggestions for
 * what was typed. The picker's own controls are named {@code picker.*}; the chosen values travel under
 * the form field's name, as the enclosing form posts them.
 */
@Controller
@RequestMapping("/regions/picker")
class RegionPickerController {

    private static final int SUGGESTIONS = 10;

    private final RegionPickers pickers;
    private final ChinaRegions regions;

    RegionPickerController(RegionPickers pickers, ChinaRegions regions) {
        this.pickers = pickers;
        this.regions = regions;
    }

    @GetMapping
    String picker(@RequestParam(name = "picker.field", defaultValue = "region") String field,
                  @RequestParam(name = "picker.multiple", defaultValue = "false") boolean multiple,
                  @RequestParam(name = "picker.pick", required = false) String pick,
                  @RequestParam(name = "picker.drop", required = false) String drop,
                  @RequestParam(name = "picker.changed", required = false) String changed,
                  HttpServletRequest request, Model model) {
        checkField(field);
        String browse = changed == null || !List.of("province", "city", "county").contains(changed)
                ? null : request.getParameter("picker." + changed);
        model.addAttribute("picker", pickers.interact(field, multiple, values(request, field), pick, drop,
                browse));
        return "region/picker :: standalone";
    }

    @GetMapping("/suggestions")
    String suggestions(@RequestParam(name = "picker.field", defaultValue = "region") String field,
                       @RequestParam(name = "picker.multiple", defaultValue = "false") boolean multiple,
                       @RequestParam(name = "picker.q", required = false) String q, Model model) {
        checkField(field);
        model.addAttribute("picker", pickers.multiple(field, List.of()).withMultiple(multiple));
        model.addAttribute("suggestions", q == null || q.isBlank() ? List.of() : regions.search(q, SUGGESTIONS));
        model.addAttribute("query", q);
        return "region/picker :: suggestions";
    }

    private static void checkField(String field) {
        if (!RegionPickers.isFieldName(field)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private static List<String> values(HttpServletRequest request, String field) {
        String[] values = request.getParameterValues(field);
        return values == null ? List.of() : Arrays.stream(values).filter(v -> !v.isBlank()).toList();
    }
}
