package com.lead2cash.sop.internal.policy;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.Role;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.sop.BusinessUnit;
import com.lead2cash.sop.TimeBasis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SOP policy administration screens: rules by stage, editing one rule with a reason, the version history. */
@Controller
class PolicyAdminController {

    /** A rule's row on the screen: its definition and its values in the shown version. */
    record RuleView(RuleCatalog.RuleDef rule, Map<String, String> values) {
    }

    /** A proposal with its changes in the reader's words, as the version page says a change. */
    record ProposalView(PolicyProposalService.Proposal proposal, List<String> changes) {
    }

    private final PolicyService policy;
    private final PolicyProposalService proposals;
    private final PolicyValueWords words;

    PolicyAdminController(PolicyService policy, PolicyProposalService proposals, PolicyValueWords words) {
        this.policy = policy;
        this.proposals = proposals;
        this.words = words;
    }

    @GetMapping("/admin/policy")
    String overview(Model model, Locale locale) {
        PolicyVersion current = policy.current();
        model.addAttribute("policy", current);
        model.addAttribute("stages", byStage(current, locale));
        model.addAttribute("proposals", proposals.recent().stream()
                .map(p -> new ProposalView(p, proposals.inWords(p.changes(), locale))).toList());
        return "sop/policy";
    }

    /** The rule the address names; a rule the catalogue does not have is the 404 page, to read and to save. */
    private static RuleCatalog.RuleDef rule(String ruleId) {
        return RuleCatalog.find(ruleId)
                .orElseThrow(() -> new com.lead2cash.platform.RecordNotFoundException("SopRule", ruleId));
    }

    @GetMapping("/admin/policy/rules/{ruleId}")
    String edit(@PathVariable String ruleId, Model model, Locale locale) {
        RuleCatalog.RuleDef rule = rule(ruleId);
        PolicyVersion current = policy.current();
        Map<String, RuleForm.ParamInput> inputs = new LinkedHashMap<>();
        texts(current, rule).forEach((name, text) -> inputs.put(name, RuleForm.ParamInput.of(rule.param(name).orElseThrow(), text)));
        model.addAttribute("errors", Map.of());
        return showForm(model, rule, current, inputs, "", locale, current.version());
    }

    @PostMapping("/admin/policy/rules/{ruleId}")
    String save(@PathVariable String ruleId, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "save") String action,
                // the version the form was shown at: one without it is refused before this runs (PageVersionGuard, 428)
                @RequestParam Long version,
                @RequestParam MultiValueMap<String, String> form,
                RefusedInput refused, Model model, RedirectAttributes redirect, Locale locale) {
        RuleCatalog.RuleDef rule = rule(ruleId);
        RuleForm posted = RuleForm.read(rule, form);
        try {
            refused.check();
            // a value the form could not read is refused with every other the policy refuses (checked, not stored)
            List<PolicyService.Change> changes = posted.changes(policy::proposed);
            if ("propose".equals(action)) {
                // the change waits for the sales director's approval (approval flow), then becomes a version
                proposals.propose(reason, changes, CurrentUser.require(), version);
                Flash.success(redirect, "policy.flash.proposed");
                return "redirect:/admin/policy";
            }
            // on the version the form was shown at: a change saved meanwhile is not overwritten unseen (409, shown again)
            PolicyVersion saved = policy.change(reason, changes, CurrentUser.require(), version);
            Flash.success(redirect, "policy.flash.saved", saved.version());
            return "redirect:/admin/policy";
        } catch (FieldValidationException e) {
            Map<String, FieldValidationException.FieldError> errors = new LinkedHashMap<>();
            RuleForm.onTheForm(e.errors()).forEach(f -> errors.putIfAbsent(f.field(), f));
            model.addAttribute("errors", errors);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("changes",
                    new FieldValidationException.FieldError("changes", e.messageKey(), e.args())));
            // changed meanwhile: shown again at the version it was read at, so that sending it once more is refused
            // too, until the administrator reloads the rule and sees what changed
            return showForm(model, rule, policy.current(), posted.inputs(), reason, locale, version);
        }
        PolicyVersion current = policy.current();
        return showForm(model, rule, current, posted.inputs(), reason, locale, current.version());
    }

    /** The rule's form with each parameter's input by its type; weekdays and choices offered in the reader's words. */
    private String showForm(Model model, RuleCatalog.RuleDef rule, PolicyVersion current,
                            Map<String, RuleForm.ParamInput> inputs, String reason, Locale locale, long formVersion) {
        model.addAttribute("rule", rule);
        model.addAttribute("inputs", inputs);
        model.addAttribute("weekdays", words.weekdays(locale));
        model.addAttribute("units", BusinessUnit.values());
        model.addAttribute("bases", TimeBasis.values());
        Map<String, String> defaults = new LinkedHashMap<>();
        rule.params().forEach(p -> defaults.put(p.name(), words.of(p, p.defaultText(), locale)));
        model.addAttribute("defaults", defaults);
        // the bounds the policy checks each number against, beside its field and as the browser's min and max
        Map<String, PolicyRules.Bounds> bounds = new LinkedHashMap<>();
        rule.params().forEach(p -> PolicyRules.bounds(rule.id(), p).ifPresent(b -> bounds.put(p.name(), b)));
        model.addAttribute("bounds", bounds);
        model.addAttribute("windowMaxDays", PolicyRules.MAX_DAYS);
        // an amount's bounds, as PolicyRules.withinRange checks it: not negative, as a money column stores it
        model.addAttribute("moneyDigits", com.lead2cash.platform.InputRules.MONEY_PRECISION
                - com.lead2cash.platform.InputRules.MONEY_SCALE);
        model.addAttribute("moneyScale", com.lead2cash.platform.InputRules.MONEY_SCALE);
        model.addAttribute("policy", current);
        // the page version guard: the version the form's values were read at, posted back with them
        model.addAttribute("formVersion", formVersion);
        model.addAttribute("reason", reason);
        return "sop/policy-rule";
    }

    /** The policy's versions a page at a time, newest first, read as the API reads them (decision 0063). */
    @GetMapping("/admin/policy/versions")
    String versions(@RequestParam(required = false) String cursor,
                    @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("page", policy.versions(cursor, null));
        // htmx asks for the next page only: answer the rows, not the whole screen
        return htmx != null && cursor != null ? "sop/policy-versions :: rows" : "sop/policy-versions";
    }

    @GetMapping("/admin/policy/versions/{version}")
    String version(@PathVariable long version, Model model, Locale locale) {
        PolicyVersion v = policy.version(version);
        model.addAttribute("policy", v);
        model.addAttribute("changes", policy.changes(version).stream()
                .map(c -> words.change(c.rule(), c.parameter(), c.oldValue(), c.newValue(), locale)).toList());
        model.addAttribute("stages", byStage(v, locale));
        return "sop/policy-version";
    }

    /** The rules by stage with their values in the reader's words. */
    private Map<RuleCatalog.Stage, List<RuleView>> byStage(PolicyVersion v, Locale locale) {
        Map<RuleCatalog.Stage, List<RuleView>> stages = new LinkedHashMap<>();
        for (RuleCatalog.RuleDef rule : RuleCatalog.all()) {
            Map<String, String> shown = new LinkedHashMap<>();
            texts(v, rule).forEach((name, text) -> shown.put(name, words.of(rule.param(name).orElseThrow(), text, locale)));
            stages.computeIfAbsent(rule.stage(), s -> new ArrayList<>()).add(new RuleView(rule, shown));
        }
        return stages;
    }

    private static Map<String, String> texts(PolicyVersion v, RuleCatalog.RuleDef rule) {
        Map<String, String> values = new LinkedHashMap<>();
        rule.params().forEach(p -> values.put(p.name(), v.text(rule.id(), p.name())));
        return values;
    }

    @Configuration(proxyBeanMethods = false)
    static class PolicyNavigation {

        @Bean
        NavigationEntry policyNavigation() {
            return new NavigationEntry("nav.policy", "/admin/policy", 920, Set.of(Role.ADMIN));
        }
    }
}
