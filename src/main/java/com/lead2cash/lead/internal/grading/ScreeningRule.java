package com.lead2cash.lead.internal.grading;

import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.Role;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * L1 — screening of a new lead (初筛), decided here: a lead is screened when
 * its automatic grade was computed on complete data — industry, budget, purchase date and a named
 * contact all known — or when a person verifies or re-grades it, whichever comes first. The screening
 * window belongs to whoever captured the lead; for web forms and unattended captures, to the first
 * marketing user, else the sales director.
 */
@Component
public class ScreeningRule {

    private final OrgDirectory directory;

    ScreeningRule(OrgDirectory directory) {
        this.directory = directory;
    }

    /** Complete data makes the automatic grade trustworthy: no person needs to verify it. */
    public static boolean screensItself(GradingResult grading) {
        return grading.complete();
    }

    /** Who has the screening window; empty for a company with neither marketing nor a sales director. */
    public Optional<UUID> screener(UUID capturedBy) {
        return Optional.ofNullable(capturedBy)
                .or(() -> directory.activeWithRole(Role.MARKETING).stream().map(OrgDirectory.Person::id).findFirst())
                .or(() -> directory.activeWithRole(Role.SALES_DIRECTOR).stream().map(OrgDirectory.Person::id).findFirst());
    }
}
