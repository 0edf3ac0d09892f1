package com.lead2cash.sop.internal.replay;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.BusinessCalendar;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import com.lead2cash.sop.internal.policy.RuleForm;
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

    PolicyReplayController(PolicyReplay replay, BusinessCalendar calendar) {
        this.replay = replay;
        this.calendar = calendar;
    }

    @PostMapping("/admin/policy/rules/{ruleId}/replay")
    String replay(@PathVariable String ruleId, @RequestParam MultiValueMap<String, String> form, Model model) {
        RuleCatalog.RuleDef rule = RuleCatalog.find(ruleId).orElseThrow(() -> new RecordNotFoundException("SopRule", ruleId));
        model.addAttribute("rule", rule);
        model.addAttribute("zone", calendar.current().zone());
        try {
            model.addAttribute("result", replay.replay(rule, RuleForm.read(rule, form).changes()));
        } catch (FieldValidationException e) {
            // the same refusals Save would show, here beside the replay button
            model.addAttribute("refusals", RuleForm.onTheForm(e.errors()));
        }
        return "sop/policy-replay :: replay";
    }
}
