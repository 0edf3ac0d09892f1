package com.lead2cash.notification.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.platform.HeldRecords;
import com.lead2cash.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0095: a person deactivated while still owning open records (leads, customers, opportunities) — none
 * of them reassigned — is told to their manager, the one the deactivation names, in the administrator's transaction:
 * one notice saying how many of each, in the reader's language, linking to the first list of that owner, where they
 * hand them over (the customer transfer, the leads' bulk assignment).
 */
@Component
class DepartedHoldingNotices {

    /** The title says one to this many kinds ({@code notification.people.departedHolding.N}). */
    static final int MOST_KINDS = 3;

    private final Notifier notifier;
    private final OrgDirectory org;

    DepartedHoldingNotices(Notifier notifier, OrgDirectory org) {
        this.notifier = notifier;
        this.org = org;
    }

    @EventListener
    void on(HeldRecords.PersonLeftHolding left) {
        if (left.managerId() == null || left.held().isEmpty()) {
            return;
        }
        String name = org.person(left.userId()).map(OrgDirectory.Person::displayName).orElse(left.userId().toString());
        List<HeldRecords.Held> said = left.held().subList(0, Math.min(MOST_KINDS, left.held().size()));
        List<Object> args = new ArrayList<>();
        args.add(name);
        said.forEach(h -> args.add(Notification.Words.of("notification.people.held." + h.kind(),
                h.count() + " " + h.kind(), List.of(String.valueOf(h.count())))));
        String link = left.held().stream().map(HeldRecords.Held::link).filter(Objects::nonNull).findFirst()
                .orElse(null);
        notifier.send(Notification.of(left.managerId(), NotificationKind.PEOPLE_DEPARTED_HOLDING,
                "notification.people.departedHolding." + said.size(), link, args.toArray()).about(left.userId()));
    }
}
