package com.lead2cash.sop.internal.replay;

import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.internal.policy.ChangeItem;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import com.lead2cash.sop.RoutingReplay;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The 90-day replay of a proposed policy change over the API: the change's body, answered with the comparison. */
@RestController
@RequestMapping("/api/v1/policy/rules")
@Tag(name = "SOP policy", description = "Versioned SOP rules (the rule catalogue)")
class PolicyReplayApiController {

    /** The body a change posts; {@code reason} and {@code version} are accepted and not needed: nothing is stored. */
    record ReplayRequest(String reason, @NotEmpty List<@Valid ChangeItem> changes, Long version) {
    }

    /**
     * The replay as {@link PolicyReplay.Result} gives it, grading and routing (L3, L4) said in the reader's language:
     * beside each bundle key ({@code scopeKey}, {@code labelKey}, {@code fromKey}, {@code toKey}, kept for clients that
     * read them) its text ({@code scope}, {@code label}, {@code from}, {@code to}) as the rest of the API answers it.
     */
    record ReplayAnswer(String rule, long baseVersion, Instant from, Instant to, PolicyReplay.Kind kind,
                        PolicyReplay.DeadlineReplay deadlines, List<RoutingAnswer> routing) {
    }

    /** One module's replay of grading and routing, its keys with their texts. */
    record RoutingAnswer(String scopeKey, List<String> scopeArgs, String scope, long replayed, List<TallyAnswer> tallies,
                         List<TallyAnswer> changes, List<MovedAnswer> moved) {
    }

    /** A count as it happened and under the proposed values; a change's {@code label} says its count. */
    record TallyAnswer(String labelKey, String label, long actual, long proposed) {
    }

    /** One record decided otherwise, from → to as keys and as text. */
    record MovedAnswer(String label, String link, Instant at, String fromKey, String from, String toKey, String to) {
    }

    private final PolicyReplay replay;
    private final MessageSource messages;

    PolicyReplayApiController(PolicyReplay replay, MessageSource messages) {
        this.replay = replay;
        this.messages = messages;
    }

    @PostMapping("/{ruleId}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replay the last 90 days under a proposed change of this rule's values, before saving it: "
            + "its deadlines met, met late, open or overdue under the proposed window beside what happened, or the "
            + "leads that would be graded and routed otherwise; writes nothing (422 for values the change would refuse)")
    ReplayAnswer replay(@PathVariable String ruleId, @Valid @RequestBody ReplayRequest request) {
        RuleCatalog.RuleDef rule = RuleCatalog.find(ruleId).orElseThrow(() -> new RecordNotFoundException("SopRule", ruleId));
        PolicyReplay.Result r = replay.replay(rule, ChangeItem.changes(request.changes()));
        Locale locale = LocaleContextHolder.getLocale();
        return new ReplayAnswer(r.rule(), r.baseVersion(), r.from(), r.to(), r.kind(), r.deadlines(),
                r.routing() == null ? null : r.routing().stream().map(o -> said(o, locale)).toList());
    }

    /** As the replay page says them: the scope with its arguments, a change with its proposed count. */
    private RoutingAnswer said(RoutingReplay.Outcome o, Locale locale) {
        return new RoutingAnswer(o.scopeKey(), o.scopeArgs(),
                messages.getMessage(o.scopeKey(), o.scopeArgs().toArray(), o.scopeKey(), locale), o.replayed(),
                o.tallies().stream().map(t -> new TallyAnswer(t.labelKey(),
                        messages.getMessage(t.labelKey(), null, t.labelKey(), locale), t.actual(), t.proposed())).toList(),
                o.changes().stream().map(t -> new TallyAnswer(t.labelKey(),
                        messages.getMessage(t.labelKey(), new Object[] {t.proposed()}, t.labelKey(), locale), t.actual(),
                        t.proposed())).toList(),
                o.moved().stream().map(m -> new MovedAnswer(m.label(), m.link(), m.at(), m.fromKey(),
                        messages.getMessage(m.fromKey(), null, m.fromKey(), locale), m.toKey(),
                        messages.getMessage(m.toKey(), null, m.toKey(), locale))).toList());
    }
}
