package com.lead2cash.platform.internal.fieldrules;

import com.lead2cash.platform.FieldAccess;
import com.lead2cash.platform.FieldRules;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.Label;
import com.lead2cash.platform.ProtectedField;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The field rules over the API, for administrators: read them, replace them as a whole. */
@RestController
@Tag(name = "People and organisation")
class FieldRulesApiController {

    record Rule(@NotNull Role role, @NotNull ProtectedField field, @NotNull FieldAccess access) {
    }

    record FieldRulesDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                 description = "The rules that differ from DEFAULT; a role and field not listed reads by default")
                         List<Rule> rules) {

        static FieldRulesDto of(FieldRules.Ruleset ruleset) {
            List<Rule> rules = new ArrayList<>();
            for (Role role : Role.values()) {
                for (ProtectedField field : ProtectedField.values()) {
                    if (ruleset.of(role, field) != FieldAccess.DEFAULT) {
                        rules.add(new Rule(role, field, ruleset.of(role, field)));
                    }
                }
            }
            return new FieldRulesDto(ruleset.version(), rules);
        }
    }

    record ReplaceFieldRules(@NotNull List<@Valid Rule> rules, Long version) implements Versioned {
    }

    private final FieldRuleService service;

    FieldRulesApiController(FieldRuleService service) {
        this.service = service;
    }

    @Operation(summary = "The field rules: which roles see a protected field masked or not at all (SPEC §1)")
    @GetMapping("/api/v1/field-rules")
    FieldRulesDto rules() {
        return FieldRulesDto.of(service.current());
    }

    @Operation(summary = "Replace the field rules as a whole (a role and field left out reads by default; 409 when the "
            + "version is stale; 422 when a role and field are listed twice)")
    @PutMapping("/api/v1/field-rules")
    FieldRulesDto replace(@Valid @RequestBody ReplaceFieldRules body) {
        Map<Role, Map<ProtectedField, FieldAccess>> wanted = new EnumMap<>(Role.class);
        for (Rule rule : body.rules()) {
            FieldAccess before = wanted.computeIfAbsent(rule.role(), r -> new EnumMap<>(ProtectedField.class))
                    .put(rule.field(), rule.access());
            if (before != null) {
                throw new FieldValidationException("rules", "fieldRules.error.twice",
                        Label.of("role", rule.role()),
                        Label.of("fieldRules.field", rule.field()));
            }
        }
        return FieldRulesDto.of(service.replace(wanted, body.version()));
    }
}
