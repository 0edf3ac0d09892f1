package com.lead2cash.platform;

import java.util.UUID;

/**
 * A user was deactivated (docs/decisions/0073), announced in the administrator's transaction: a module that routed work
 * to them hands it on before the change commits (the approval module their open approval tasks), and says what it
 * handed on through {@link HandedOnWork}. {@code by} is the administrator, null when no one signed in did it.
 */
public record UserDeactivated(UUID userId, UUID by) {
}
