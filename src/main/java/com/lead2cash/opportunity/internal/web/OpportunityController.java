package com.lead2cash.opportunity.internal.web;

import com.lead2cash.platform.OwnDateRange;
import com.lead2cash.customer.CustomerDirectory;
import com.lead2cash.opportunity.OpportunityPagePanel;
import com.lead2cash.opportunity.Stage;
import com.lead2cash.opportunity.internal.LostReasons;
import com.lead2cash.opportunity.internal.OpportunityAccess;
import com.lead2cash.opportunity.internal.OpportunityRules;
import com.lead2cash.opportunity.internal.OpportunityService;
import com.lead2cash.opportunity.internal.OpportunityViews;
import com.lead2cash.opportunity.internal.StageHistory;
import com.lead2cash.opportunity.internal.board.TeamScope;
import com.lead2cash.opportunity.internal.domain.ForecastCategory;
import com.lead2cash.opportunity.internal.domain.Opportunity;
import com.lead2cash.opportunity.internal.domain.OpportunityAction;
import com.lead2cash.opportunity.internal.domain.OpportunityDetails;
import com.lead2cash.opportunity.internal.domain.Scorecard;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormProblems;
import com.lead2cash.platform.web.PageActions;
import com.lead2cash.platform.web.RefusedInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The opportunity's own screens: a new opportunity on a customer, its page (data, stage path with what
 * may be done next, evaluation panel, stage history, its quotes loaded from the quote module) and the
 * forms behind the page's actions.
 */
@Controller
@PreAuthorize(OpportunityAccess.READER_ROLES)
class OpportunityController {

    static final String[] FIELDS = {"customerId", "name", "amount", "expectedCloseDate", "productLines", "competitors",
            "nextStep", "ownerId"};

    /** The opportunity form; product lines and competitors one per line. */
    record OpportunityForm(UUID customerId, String customerLabel, String name, BigDecimal amount,
                           @OwnDateRange @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
                           String productLines, String competitors, String nextStep, UUID ownerId, Long version) {

        OpportunityDetails details() {
            return OpportunityDetails.validated(name, amount, expectedCloseDate, lines(productLines), lines(competitors),
                    nextStep);
        }

        static OpportunityForm of(Opportunity o) {
            return new OpportunityForm(o.customerId(), null, o.name(), o.amount(), o.expectedCloseDate(),
                    String.join("\n", o.productLines()), String.join("\n", o.competitors()), o.nextStep(), o.ownerId(),
                    o.version());
        }

        static List<String> lines(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[\\n,，、]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    private final OpportunityService service;
    private final OpportunityAccess access;
    private final OpportunityViews views;
    private final StageHistory history;
    private final LostReasons lostReasons;
    private final TeamScope teams;
    private final CustomerDirectory customers;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final com.lead2cash.catalog.Catalog catalog;
    private final Clock clock;
    private final ZoneId zone;
    private final List<OpportunityPagePanel> panels;

    OpportunityController(OpportunityService service, OpportunityAccess access, OpportunityViews views,
                          StageHistory history, LostReasons lostReasons, TeamScope teams, CustomerDirectory customers,
                          OrgDirectory org, MessageSource messages, com.lead2cash.catalog.Catalog catalog, Clock clock,
                          @Value("${l2c.zone}") ZoneId zone, List<OpportunityPagePanel> panels) {
        this.catalog = catalog;
        this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(OpportunityPagePanel::order)).toList();
        this.service = service;
        this.access = access;
        this.views = views;
        this.history = history;
        this.lostReasons = lostReasons;
        this.teams = teams;
        this.customers = customers;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/opportunities/new")
    @PreAuthorize(OpportunityAccess.SELLER_ROLES)
    String newForm(@RequestParam(required = false) UUID customerId, Model model) {
        String label = customerId == null ? null : customers.find(customerId).map(c -> c.code() + " " + c.name()).orElse(null);
        return form(model, new OpportunityForm(customerId, label, null, null, null, null, null, null, null, null), null,
                FormProblems.NONE);
    }

    /** The customer picker of the form: customers the user may see matching the text. */
    @GetMapping("/opportunities/customer-options")
    @PreAuthorize(OpportunityAccess.SELLER_ROLES)
    String customerOptions(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("options", q == null || q.strip().length() < 2 ? List.of() : customers.search(q.strip(), 8));
        return "opportunity/form :: customerOptions";
    }

    @PostMapping("/opportunities")
    @PreAuthorize(OpportunityAccess.SELLER_ROLES)
    String create(@ModelAttribute("form") OpportunityForm form, BindingResult binding,
                  RefusedInput refused, Model model,
                  RedirectAttributes redirect, Locale locale) {
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return form(model, form, null, unreadable);
        }
        try {
            refused.check();
            Opportunity o = service.create(form.customerId(), form.details(), form.ownerId());
            Flash.success(redirect, "opportunity.saved", o.code());
            return "redirect:/opportunities/" + o.id();
        } catch (DomainException e) {
            return form(model, form, null, FormProblems.of(e, messages, locale, FIELDS));
        }
    }

    @GetMapping("/opportunities/{id}")
    String detail(@PathVariable UUID id, Model model, Locale locale) {
        Opportunity o = access.visible(id);
        OpportunityRules rules = service.rules();
        Scorecard scorecard = o.scorecard(rules.panel(), rules.passScore());
        var view = views.of(o);
        model.addAttribute("o", view);
        model.addAttribute("scorecard", scorecard);
        model.addAttribute("evaluations", views.evaluations(o));
        model.addAttribute("invitations", views.invitations(o));
        model.addAttribute("seat", o.seatOf(access.actor(o)).filter(rules.panel()::contains).orElse(null));
        model.addAttribute("criterionMax", rules.criterionMax());
        var stays = history.of(o.id(), clock.instant());
        model.addAttribute("stays", stays);
        model.addAttribute("lostReasons", lostReasons.active());
        model.addAttribute("lostLabels", lostReasons.labels(locale));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("openStages", Stage.OPEN);
        // the move form offers what the opportunity says comes next, and marks the stages it would go back to
        model.addAttribute("nextStage", o.nextStageOffered(view.availableActions()).orElse(null));
        model.addAttribute("backStages", Stage.OPEN.stream().filter(o::isBackward).toList());
        // the loss is not offered while a contract is under way: the page says which to terminate first
        model.addAttribute("contractUnderWay", view.availableActions().contains(OpportunityAction.MOVE)
                ? service.contractUnderWay(o) : null);
        model.addAttribute("categories", List.of(ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE,
                ForecastCategory.COMMIT, ForecastCategory.OMITTED));
        model.addAttribute("invitees", service.invitees(o));
        model.addAttribute("sellers", view.availableActions().contains(OpportunityAction.REASSIGN)
                ? teams.sellers(access.scope()) : List.of());
        List<UUID> people = stayPeople(o);
        stays.forEach(st -> people.add(st.changedBy()));
        model.addAttribute("names", org.people(new java.util.HashSet<>(people)));
        model.addAttribute("zone", zone);
        // only what the reader's roles open: a card its route refuses would stay "loading", a link would answer 403
        CurrentUser reader = CurrentUser.require();
        model.addAttribute("panels", panels.stream().filter(p -> p.shownTo(reader, o.stage()))
                .map(p -> new PanelView(p.elementId(), p.titleKey(), p.pathFor(o.id()))).toList());
        model.addAttribute("customerLinked", customers.mayOpen(o.customerId()));
        return "opportunity/detail";
    }

    @GetMapping("/opportunities/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Opportunity o = access.visible(id);
        service.requireAction(o, OpportunityAction.EDIT);
        return form(model, OpportunityForm.of(o), o, FormProblems.NONE);
    }

    @PostMapping("/opportunities/{id}")
    String edit(@PathVariable UUID id, @ModelAttribute("form") OpportunityForm form, BindingResult binding,
                RefusedInput refused, Model model,
                RedirectAttributes redirect, Locale locale) {
        Opportunity o = access.visible(id);
        FormProblems unreadable = FormProblems.ofUnreadable(binding, messages, locale);
        if (unreadable != null) {
            return form(model, form, o, unreadable);
        }
        try {
            refused.check();
            service.edit(id, form.details(), form.version());
            Flash.success(redirect, "opportunity.saved", o.code());
            return "redirect:/opportunities/" + id;
        } catch (OptimisticLockingFailureException e) {
            return form(model, form, o, FormProblems.of(new DomainException("error.staleVersion"), messages, locale));
        } catch (DomainException e) {
            return form(model, form, o, FormProblems.of(e, messages, locale, FIELDS));
        }
    }

    @PostMapping("/opportunities/{id}/stage")
    String stage(@PathVariable UUID id, @RequestParam(required = false) Stage stage,
                 @RequestParam(required = false) String lostReason, @RequestParam(required = false) String lostNote,
                 @RequestParam(required = false) String lostTo, @RequestParam(required = false) Long version,
                 @RequestParam(defaultValue = "false") boolean backConfirmed,
                 RefusedInput refused, RedirectAttributes redirect) {
        // a refused loss (no reason chosen, a stale version) gives the reason, the rival and the note back
        return act(id, redirect, "opportunity.stage.moved", refused, () -> {
            if (stage == Stage.LOST) {
                Flash.typed(redirect, "markLostTyped", "lostReason", lostReason, "lostTo", lostTo, "lostNote", lostNote);
            }
        }, () -> service.move(id, stage, lostReason, lostNote, lostTo, version, backConfirmed));
    }

    @PostMapping("/opportunities/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "opportunity.reopened", () -> service.reopen(id, version));
    }

    @PostMapping("/opportunities/{id}/forecast-category")
    String forecastCategory(@PathVariable UUID id, @RequestParam(required = false) String category,
                            @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        // read inside the action: a category not offered is refused on the page, as any unreadable value
        return act(id, redirect, "opportunity.forecast.saved", () -> service.setForecastCategory(id,
                category == null || category.isBlank() ? null : ForecastCategory.valueOf(category), version));
    }

    @PostMapping("/opportunities/{id}/owner")
    String reassign(@PathVariable UUID id, @RequestParam(required = false) UUID ownerId,
                    @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "opportunity.reassigned", () -> service.reassign(id, ownerId, version));
    }

    @PostMapping("/opportunities/{id}/evaluations")
    String evaluate(@PathVariable UUID id, @RequestParam(required = false) Integer needMatch,
                    @RequestParam(required = false) Integer competitiveStrength,
                    @RequestParam(required = false) Integer paymentRisk,
                    @RequestParam(required = false) Integer resourceInvestment,
                    @RequestParam(required = false) String comment, RefusedInput refused, RedirectAttributes redirect) {
        return act(id, redirect, "opportunity.evaluation.saved", refused, () -> Flash.typed(redirect, "evaluationTyped",
                "needMatch", needMatch, "competitiveStrength", competitiveStrength, "paymentRisk", paymentRisk,
                "resourceInvestment", resourceInvestment, "comment", comment),
                () -> service.evaluate(id, needMatch, competitiveStrength, paymentRisk, resourceInvestment, comment));
    }

    @PostMapping("/opportunities/{id}/invitations")
    String invite(@PathVariable UUID id, @RequestParam(required = false) UUID inviteeId, RedirectAttributes redirect) {
        // the message names who was invited, not the opportunity the page already shows
        return attempt(id, redirect, "opportunity.invite.sent", () -> org.person(service.invite(id, inviteeId).inviteeId())
                .map(OrgDirectory.Person::displayName).orElse(""));
    }

    @PostMapping("/opportunities/{id}/invitations/{invitationId}/withdraw")
    String withdraw(@PathVariable UUID id, @PathVariable UUID invitationId, RedirectAttributes redirect) {
        return act(id, redirect, "opportunity.invite.withdrawn", () -> service.withdrawInvitation(id, invitationId));
    }

    private String act(UUID id, RedirectAttributes redirect, String successKey,
                       java.util.function.Supplier<Opportunity> action) {
        return act(id, redirect, successKey, () -> { }, action);
    }

    /** {@link #act}, and {@code refused} runs when it was refused: a form's {@link Flash#typed} values for the page. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, Runnable refused,
                       java.util.function.Supplier<Opportunity> action) {
        return attempt(id, redirect, successKey, refused, () -> action.get().code());
    }

    /** {@link #act}, what the input rules refused in the form's fields shown as the action's own refusal. */
    private String act(UUID id, RedirectAttributes redirect, String successKey, RefusedInput input, Runnable refused,
                       java.util.function.Supplier<Opportunity> action) {
        return PageActions.runNaming(redirect, "/opportunities/" + id, successKey, input, refused,
                () -> action.get().code());
    }

    private String attempt(UUID id, RedirectAttributes redirect, String successKey,
                           java.util.function.Supplier<String> action) {
        return attempt(id, redirect, successKey, () -> { }, action);
    }

    /** Carries out the action; its success message names what the action answers, a refusal says why. */
    private String attempt(UUID id, RedirectAttributes redirect, String successKey, Runnable refused,
                           java.util.function.Supplier<String> action) {
        return PageActions.runNaming(redirect, "/opportunities/" + id, successKey, refused, action);
    }

    private String form(Model model, OpportunityForm form, Opportunity o, FormProblems problems) {
        CurrentUser me = CurrentUser.require();
        model.addAttribute("form", form);
        model.addAttribute("opportunity", o);
        model.addAttribute("problems", problems);
        model.addAttribute("sellers", me.isManager() && o == null ? teams.sellers(access.scope()) : List.of());
        model.addAttribute("productLineChoices", catalog.productLines());
        // the picker offers the range the close date takes (Opportunity.requireCloseDateAhead), and the date
        // stored, kept as it is, however old
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate stored = o == null ? null : o.expectedCloseDate();
        LocalDate latest = com.lead2cash.platform.InputRules.latestAhead(today);
        model.addAttribute("closeDateFrom", stored != null && stored.isBefore(today) ? stored : today);
        model.addAttribute("closeDateTo", stored != null && stored.isAfter(latest) ? stored : latest);
        return "opportunity/form";
    }

    /** A contributed card as the page loads it. */
    record PanelView(String elementId, String titleKey, String path) {
    }

    private static List<UUID> stayPeople(Opportunity o) {
        List<UUID> ids = new java.util.ArrayList<>();
        ids.add(o.ownerId());
        o.evaluations().forEach(e -> ids.add(e.evaluatorId()));
        o.invitations().forEach(i -> ids.add(i.invitedBy()));
        return ids;
    }
}
