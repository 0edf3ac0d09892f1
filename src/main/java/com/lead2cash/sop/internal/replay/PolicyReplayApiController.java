package com.lead2cash.sop.internal.replay;

import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.sop.internal.policy.ChangeItem;
import com.lead2cash.sop.internal.policy.RuleCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
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

    private final PolicyReplay replay;

    PolicyReplayApiController(PolicyReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/{ruleId}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replay the last 90 days under a proposed change of this rule's values, before saving it: "
            + "its deadlines met, met late, open or overdue under the proposed window beside what happened, or the "
            + "leads that would be graded and routed otherwise; writes nothing (422 for values the change would refuse)")
    PolicyReplay.Result replay(@PathVariable String ruleId, @Valid @RequestBody ReplayRequest request) {
        RuleCatalog.RuleDef rule = RuleCatalog.find(ruleId).orElseThrow(() -> new RecordNotFoundException("SopRule", ruleId));
        return replay.replay(rule, ChangeItem.changes(request.changes()));
    }
}
