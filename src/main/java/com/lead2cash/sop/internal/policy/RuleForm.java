package com.lead2cash.sop.internal.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule's change form as posted ({@code p.<parameter>} fields): the texts to show again and the changes they ask for. */
public record RuleForm(Map<String, String> values, List<PolicyService.Change> changes) {

    /** Reads every parameter of the rule; an unchecked switch posts nothing, which means off. */
    public static RuleForm read(RuleCatalog.RuleDef rule, Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        List<PolicyService.Change> changes = new ArrayList<>();
        for (RuleCatalog.ParamDef p : rule.params()) {
            String value = form.getOrDefault("p." + p.name(), p.type() == ParamType.BOOLEAN ? "false" : "");
            values.put(p.name(), value);
            changes.add(new PolicyService.Change(rule.id(), p.name(), value));
        }
        return new RuleForm(values, changes);
    }
}
