package com.lead2cash.sop.internal.replay;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.internal.policy.PolicyValueWords;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import com.lead2cash.sop.internal.policy.RuleForm;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Replay the last 90 days" on a rule's change form: the comparison swapped into the form (htmx), nothing saved. */
@Controller
class PolicyReplayController {

    private final PolicyReplay replay;
    private final BusinessCalendar calendar;
    private final PolicyValueWords words;

    PolicyReplayController(PolicyReplay replay, BusinessCalendar calendar, PolicyValueWords words) {
        this.replay = replay;
        this.calendar = calendar;
        this.words = words;
    }

    @PostMapping("/admin/policy/rules/{ruleId}/replay")
    String replay(@PathVariable String ruleId, @RequestParam MultiValueMap<String, String> form, Model model,
                  Locale locale) {
        RuleCatalog.RuleDef rule = RuleCatalog.find(ruleId).orElseThrow(() -> new RecordNotFoundException("SopRule", ruleId));
        model.addAttribute("rule", rule);
        model.addAttribute("zone", calendar.current().zone());
        try {
            PolicyReplay.Result result = replay.replay(rule, RuleForm.read(rule, form).changes());
            model.addAttribute("result", result);
            if (result.deadlines() != null) {
                // the proposed window as the form says it; the API answers the stored text
                model.addAttribute("proposedWindow", words.of(rule.param(rule.windowParam()).orElseThrow(),
                        result.deadlines().proposedWindow(), locale));
            }
        } catch (FieldValidationException e) {
            // the same refusals Save would show, here beside the replay button
            model.addAttribute("refusals", RuleForm.onTheForm(e.errors()));
        }
        return "sop/policy-replay :: replay";
    }
}
