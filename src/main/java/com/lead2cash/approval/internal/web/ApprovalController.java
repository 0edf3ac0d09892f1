package com.lead2cash.approval.internal.web;

import com.lead2cash.approval.ApprovalView;
import com.lead2cash.approval.Decision;
import com.lead2cash.approval.internal.ApprovalQueries;
import com.lead2cash.approval.internal.ApprovalService;
import com.lead2cash.approval.internal.PolicyChangeApprovals;
import com.lead2cash.approval.internal.domain.Actor;
import com.lead2cash.approval.internal.domain.Reassignment;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.NavigationEntry;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.web.Flash;
import com.lead2cash.platform.web.FormErrors;
import com.lead2cash.platform.web.RefusedInput;
import com.lead2cash.sop.SubjectRef;
import com.lead2cash.sop.Subjects;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approvals inbox (审批中心) and one approval's page with its flow, history and decision form. */
@Controller
public class ApprovalController {

    /** The decision form as the browser posts it. */
    static class DecisionForm {
        // none until chosen: the page starts it on APPROVE only where APPROVE is offered
        private Decision decision;
        private String comment;
        private UUID taskId;
        private Long version;

        public Decision getDecision() { return decision; }
        public void setDecision(Decision decision) { this.decision = decision; }
        public String getComment() { return comment; }
        public void setComment(String comment) { this.comment = comment; }
        public UUID getTaskId() { return taskId; }
        public void setTaskId(UUID taskId) { this.taskId = taskId; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }

    static final Map<String, String> STATE_CLASS = Map.of("IN_PROGRESS", "text-bg-primary", "APPROVED", "text-bg-success",
            "REJECTED", "text-bg-danger", "SENT_BACK", "text-bg-warning", "WITHDRAWN", "text-bg-secondary");
    static final Map<String, String> STEP_CLASS = Map.of("NOT_STARTED", "", "IN_PROGRESS", "step-active",
            "APPROVED", "step-done", "REJECTED", "step-failed", "SENT_BACK", "step-failed", "SKIPPED", "opacity-50");
    static final Map<String, String> TASK_CLASS = Map.of("WAITING", "text-bg-light border", "PENDING", "text-bg-primary",
            "APPROVED", "text-bg-success", "REJECTED", "text-bg-danger", "SENT_BACK", "text-bg-warning",
            "SKIPPED", "text-bg-secondary");

    private final ApprovalService service;
    private final ApprovalQueries queries;
    private final OrgDirectory org;
    private final Subjects subjects;
    private final PolicyChangeApprovals policyChanges;
    private final ZoneId zone;

    ApprovalController(ApprovalService service, ApprovalQueries queries, OrgDirectory org, Subjects subjects,
                       PolicyChangeApprovals policyChanges, @Value("${l2c.zone}") ZoneId zone) {
        this.service = service;
        this.policyChanges = policyChanges;
        this.subjects = subjects;
        this.queries = queries;
        this.org = org;
        this.zone = zone;
    }

    @GetMapping("/approvals")
    String inbox(Model model) {
        UUID me = CurrentUser.require().id();
        CursorPage<ApprovalQueries.ApprovalSummary> pending = queries.pendingFor(service.actor(me), null, null);
        CursorPage<ApprovalQueries.ApprovalSummary> submitted = queries.submittedBy(me, null, null);
        model.addAttribute("pending", pending);
        model.addAttribute("submitted", submitted);
        return inboxModel(model, Stream.concat(pending.items().stream(), submitted.items().stream()).toList());
    }

    /** The home page's panel: what waits for my decision. */
    @GetMapping("/approvals/panel")
    String panel(Model model) {
        CursorPage<ApprovalQueries.ApprovalSummary> pending = queries.pendingFor(
                service.actor(CurrentUser.require().id()), null, 5);
        model.addAttribute("pending", pending);
        inboxModel(model, pending.items());
        return "approval/panel :: panel";
    }

    /** The next page of pending tasks, as rows for htmx. */
    @GetMapping("/approvals/pending")
    String pendingRows(@RequestParam String cursor, Model model) {
        CursorPage<ApprovalQueries.ApprovalSummary> pending = queries.pendingFor(
                service.actor(CurrentUser.require().id()), cursor, null);
        model.addAttribute("pending", pending);
        inboxModel(model, pending.items());
        return "approval/inbox :: pendingRows";
    }

    @GetMapping("/approvals/submitted")
    String submittedRows(@RequestParam String cursor, Model model) {
        CursorPage<ApprovalQueries.ApprovalSummary> submitted = queries.submittedBy(CurrentUser.require().id(), cursor, null);
        model.addAttribute("submitted", submitted);
        inboxModel(model, submitted.items());
        return "approval/inbox :: submittedRows";
    }

    private String inboxModel(Model model, Collection<ApprovalQueries.ApprovalSummary> rows) {
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.submitterId());
            if (r.task() != null && r.task().onBehalfOf() != null) {
                ids.add(r.task().onBehalfOf());
            }
        });
        model.addAttribute("names", names(ids));
        model.addAttribute("zone", zone);
        model.addAttribute("stateClass", STATE_CLASS);
        return "approval/inbox";
    }

    @GetMapping("/approvals/{id}")
    String detail(@PathVariable UUID id, Model model) {
        return detailPage(id, null, model);
    }

    @PostMapping("/approvals/{id}/decision")
    String decide(@PathVariable UUID id, @ModelAttribute("decisionForm") DecisionForm form, BindingResult binding,
                  RefusedInput refused, Model model, RedirectAttributes redirect) {
        UUID me = CurrentUser.require().id();
        if (!FormErrors.unreadable(binding, refused)) {
            try {
                refused.check();
                ApprovalView view = service.decide(id, me, form.getDecision(), form.getComment(), form.getTaskId(),
                        form.getVersion());
                Flash.success(redirect, "flash.approval.decided", view.title());
                return "redirect:/approvals/" + id;
            } catch (RecordNotFoundException e) {
                throw e; // unknown or outside the caller's reach: the not-found page, as every screen answers it
            } catch (DomainException e) {
                FormErrors.reject(binding, e);
            } catch (OptimisticLockingFailureException e) {
                binding.reject("error.staleVersion");
            }
        }
        // an approval outside the caller's reach is not found, before anything is said of it (who decided it)
        visible(id, me);
        // nothing left to decide (decided meanwhile, ended): the page as it stands, no form, with the approval's reason
        var nothing = service.nothingToDecide(id, me);
        if (nothing.isPresent()) {
            Flash.error(redirect, nothing.get());
            return "redirect:/approvals/" + id;
        }
        return detailPage(id, form, model);
    }

    @PostMapping("/approvals/{id}/resubmit")
    String resubmit(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID me = CurrentUser.require().id();
        ApprovalView view = visible(id, me);
        try {
            service.resubmit(id, me);
            Flash.success(redirect, "flash.approval.resubmitted", view.title());
        } catch (DomainException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/approvals/" + id;
    }

    @PostMapping("/approvals/{id}/withdraw")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        UUID me = CurrentUser.require().id();
        ApprovalView view = visible(id, me);
        try {
            service.withdraw(id, me);
            Flash.success(redirect, "flash.approval.withdrawn", view.title());
        } catch (DomainException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/approvals/" + id;
    }

    private String detailPage(UUID id, DecisionForm submitted, Model model) {
        UUID me = CurrentUser.require().id();
        ApprovalView view = visible(id, me);
        Actor actor = service.actor(me);
        model.addAttribute("approval", view);
        model.addAttribute("subject", subjects.label(new SubjectRef(view.subjectType(), view.subjectId())).orElse(null));
        // a policy change says its changes as the policy's version page does, not as its stored summary
        var policyChange = policyChanges.shown(view, LocaleContextHolder.getLocale()).orElse(null);
        model.addAttribute("policyChange", policyChange);
        DecisionForm form = submitted;
        UUID onBehalfOf = null;
        var task = service.actionableTask(id, me);
        if (form == null && task.isPresent()) {
            form = new DecisionForm();
            form.setTaskId(task.get());
            form.setVersion(view.version());
        }
        Set<Decision> decisions = service.decisionsOn(view);
        if (submitted == null && form != null && decisions.contains(Decision.APPROVE)) {
            form.setDecision(Decision.APPROVE);
        }
        if (form != null && form.getTaskId() != null) {
            UUID taskId = form.getTaskId();
            onBehalfOf = view.steps().stream().flatMap(s -> s.tasks().stream()).filter(t -> t.id().equals(taskId))
                    .findFirst().map(t -> t.assigneeId() != null && !t.assigneeId().equals(me) ? t.assigneeId()
                            : t.assigneeRole() != null && !actor.roles().contains(t.assigneeRole())
                            ? actor.delegatorWithRole(t.assigneeRole()).orElse(null) : null)
                    .orElse(null);
        }
        model.addAttribute("decisionForm", form);
        model.addAttribute("onBehalfOf", onBehalfOf);
        model.addAttribute("decisions", decisions);
        // the subject's module says why it can no longer be approved as shown (e.g. its contract was terminated)
        model.addAttribute("notApprovable",
                service.whyNotApprovable(view, LocaleContextHolder.getLocale()).orElse(null));
        model.addAttribute("isSubmitter", view.submitterId().equals(me));
        // what the submitter may do is the approval's answer (a record that no longer waits on it is not resubmitted)
        model.addAttribute("actions", view.availableActions().stream().map(Enum::name).collect(
                java.util.stream.Collectors.toSet()));
        Set<UUID> ids = new HashSet<>();
        ids.add(view.submitterId());
        if (onBehalfOf != null) {
            ids.add(onBehalfOf);
        }
        view.steps().forEach(s -> s.tasks().forEach(t -> Stream.of(t.assigneeId(), t.actedBy(), t.onBehalfOf())
                .filter(Objects::nonNull).forEach(ids::add)));
        view.history().forEach(h -> Stream.of(h.actorId(), h.onBehalfOf()).filter(Objects::nonNull).forEach(ids::add));
        // a task reassigned from a deactivated approver (0073), or from one its step names no more (0092), names both
        view.history().stream().filter(h -> Reassignment.isEvent(h.event()))
                .flatMap(h -> Reassignment.parse(h.detail()).stream())
                .forEach(r -> Stream.of(r.fromUserId(), r.toUserId()).filter(Objects::nonNull).forEach(ids::add));
        model.addAttribute("names", names(ids));
        model.addAttribute("zone", zone);
        model.addAttribute("stateClass", STATE_CLASS);
        model.addAttribute("stepClass", STEP_CLASS);
        model.addAttribute("taskClass", TASK_CLASS);
        return "approval/detail";
    }

    /** The approval as the caller may see it; unknown or outside their reach is the not-found page. */
    private ApprovalView visible(UUID id, UUID me) {
        return service.viewFor(id, me);
    }

    private Map<UUID, String> names(Set<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        ids.forEach(id -> names.put(id, org.person(id).map(OrgDirectory.Person::displayName).orElse(id.toString())));
        return names;
    }

    /** Every signed-in user has an approvals inbox. */
    @Configuration(proxyBeanMethods = false)
    static class ApprovalNavigation {

        @Bean
        NavigationEntry approvalsNavigation() {
            return new NavigationEntry("nav.approvals", "/approvals", 300, Set.of());
        }

        @Bean
        com.lead2cash.platform.HomePanel approvalsPanel() {
            return new com.lead2cash.platform.HomePanel("approval.panel.title", "/approvals/panel", 20, Set.of());
        }
    }
}
