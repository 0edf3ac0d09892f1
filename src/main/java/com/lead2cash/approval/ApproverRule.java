package com.lead2cash.approval;

import com.lead2cash.platform.Role;
import java.util.Objects;
import java.util.UUID;

/**
 * Who approves, resolved when the step starts. A role gives one task that any active holder of the
 * role may take (a pool); a named user and the submitter's manager give a task for that person.
 * When nobody can be found (no manager that far up, an inactive user, a role nobody holds) the task
 * falls to the sales directors and the history says why.
 */
public sealed interface ApproverRule {

    record ByRole(Role role) implements ApproverRule {
        public ByRole {
            Objects.requireNonNull(role, "role");
        }
    }

    record ByUser(UUID userId) implements ApproverRule {
        public ByUser {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * The head of the department whose people hold the role (法务负责人 for LEGAL): a holder of the role
     * who manages their own unit, the longest-serving when there are several. Without such a head, the
     * role's pool decides, and the history says why.
     */
    record DepartmentHead(Role role) implements ApproverRule {
        public DepartmentHead {
            Objects.requireNonNull(role, "role");
        }
    }

    /** The submitter's line manager (1), the manager's manager (2), and so on up the org tree. */
    record SubmittersManager(int levelsUp) implements ApproverRule {
        public SubmittersManager {
            if (levelsUp < 1 || levelsUp > 10) {
                throw new IllegalArgumentException("levelsUp between 1 and 10");
            }
        }
    }
}
