package com.lead2cash.approval.internal.domain;

import com.lead2cash.approval.ApproverRule;
import com.lead2cash.approval.StepDefinition;
import com.lead2cash.approval.StepMode;
import com.lead2cash.platform.Role;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A step of the flow as submitted, kept so that a resubmission runs the same flow again.
 * Approver rules are stored as "ROLE:LEGAL", "USER:&lt;id&gt;", "HEAD:LEGAL", "MANAGER:2",
 * comma-separated.
 */
@Table("approval_step_def")
public record FlowStep(String name, StepMode mode, String slaRuleId, String approvers) {

    static FlowStep of(StepDefinition definition) {
        return new FlowStep(definition.name().trim(), definition.mode(), definition.slaRuleId(),
                definition.approvers().stream().map(FlowStep::encode).collect(Collectors.joining(",")));
    }

    List<ApproverRule> approverRules() {
        return rulesOf(approvers);
    }

    /** The approver rules of a step as stored ({@code approval_step_def.approvers}): the inbox asks who they name. */
    public static List<ApproverRule> rulesOf(String approvers) {
        return Arrays.stream(approvers.split(",")).map(FlowStep::decode).toList();
    }

    private static String encode(ApproverRule rule) {
        if (rule instanceof ApproverRule.ByRole r) {
            return "ROLE:" + r.role().name();
        }
        if (rule instanceof ApproverRule.ByUser u) {
            return "USER:" + u.userId();
        }
        if (rule instanceof ApproverRule.DepartmentHead h) {
            return "HEAD:" + h.role().name();
        }
        return "MANAGER:" + ((ApproverRule.SubmittersManager) rule).levelsUp();
    }

    private static ApproverRule decode(String text) {
        String[] parts = text.split(":", 2);
        return switch (parts[0]) {
            case "ROLE" -> new ApproverRule.ByRole(Role.valueOf(parts[1]));
            case "USER" -> new ApproverRule.ByUser(UUID.fromString(parts[1]));
            case "HEAD" -> new ApproverRule.DepartmentHead(Role.valueOf(parts[1]));
            case "MANAGER" -> new ApproverRule.SubmittersManager(Integer.parseInt(parts[1]));
            default -> throw new IllegalStateException("unknown approver rule " + text);
        };
    }
}
