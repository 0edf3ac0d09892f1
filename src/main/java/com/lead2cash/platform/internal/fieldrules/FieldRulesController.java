package com.lead2cash.platform.internal.fieldrules;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.FieldAccess;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's screen for the field rules (字段权限): one row per role, one choice per protected field. The
 * form posts every choice as {@code ROLE.FIELD}; a value that is none of those offered is refused (400) before
 * anything is saved.
 */
@Controller
class FieldRulesController {

    private final FieldRuleService rules;

    FieldRulesController(FieldRuleService rules) {
        this.rules = rules;
    }

    @GetMapping("/admin/field-rules")
    String page(Model model) {
        model.addAttribute("ruleset", rules.current());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("fields", List.of(ProtectedField.values()));
        model.addAttribute("accesses", List.of(FieldAccess.values()));
        return "admin/field-rules";
    }

    @PostMapping("/admin/field-rules")
    String save(@RequestParam long version, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<Role, Map<ProtectedField, FieldAccess>> wanted = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            for (ProtectedField field : ProtectedField.values()) {
                String value = form.get(role.name() + "." + field.name());
                if (value != null) {
                    wanted.computeIfAbsent(role, r -> new EnumMap<>(ProtectedField.class))
                            .put(field, choice(role.name() + "." + field.name(), value));
                }
            }
        }
        try {
            rules.replace(wanted, version);
            Flash.success(redirect, "flash.fieldRules.saved");
        } catch (OptimisticLockingFailureException e) {
            Flash.error(redirect, "error.staleVersion");
        }
        return "redirect:/admin/field-rules";
    }

    private static FieldAccess choice(String name, String value) {
        try {
            return FieldAccess.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name, "error.input.unknownChoice", name);
        }
    }
}
