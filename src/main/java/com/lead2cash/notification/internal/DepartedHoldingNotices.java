package com.lead2cash.notification.internal;

import com.lead2cash.notification.Notification;
import com.lead2cash.notification.NotificationKind;
import com.lead2cash.notification.Notifier;
import com.lead2cash.notification.internal.domain.StoredMessage;
import com.lead2cash.platform.Headships;
import com.lead2cash.platform.HeldRecords;
import com.lead2cash.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docs/decisions/0095: a person deactivated while still owning open records (leads, customers, opportunities) — none
 * of them reassigned — is told to their manager, the one the deactivation names, in the administrator's transaction:
 * one notice saying how many of each, in the reader's language, linking to the first list of that owner, where they
 * hand them over (the customer transfer, the leads' bulk assignment). The notice is settled when the person is
 * activated again (their records are theirs to work again), and it stays with whoever answers for the person's team:
 * a manager who gives up heading it (0093: moved out of the unit, or left with no managing role) has it settled, and
 * the manager the tree names for the person now gets it, as it was sent — the lead work such a manager gives up goes
 * up the line the same way. With nobody above, nobody is told, as at the deactivation.
 */
@Component
class DepartedHoldingNotices implements Headships {

    /** The title says one to this many kinds ({@code notification.people.departedHolding.N}). */
    static final int MOST_KINDS = 3;

    private final Notifier notifier;
    private final OrgDirectory org;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    DepartedHoldingNotices(Notifier notifier, OrgDirectory org, JdbcClient jdbc, JsonMapper json) {
        this.notifier = notifier;
        this.org = org;
        this.jdbc = jdbc;
        this.json = json;
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

    /** Activated again, the person works their records themselves: their manager has nothing left to hand over. */
    @EventListener
    void on(HeldRecords.PersonReturned returned) {
        notifier.settle(NotificationKind.PEOPLE_DEPARTED_HOLDING, returned.userId());
    }

    /**
     * The manager heads the departed people's team no more (0093; the units they gave up already name no head): each
     * open notice of theirs about a departed person whom the tree now gives another manager is settled for them and sent
     * to that manager as it was (what was held at the deactivation, the same link), unless that manager has it open
     * already. A notice about a person they still answer for (the unit they kept) stays theirs. Nothing is named for the
     * administrator's answer: the notice is no record of the team's.
     */
    @Override
    public List<String> giveUpHeadshipsOf(UUID userId) {
        record Held(StoredMessage notice, UUID departed) {
        }
        List<Held> open = jdbc.sql("select " + StoredMessage.COLUMNS + """
                , m.subject_id from notification_message m
                 where m.recipient_id = :user and m.kind = :kind and m.settled_at is null and m.subject_id is not null
                 order by m.created_at, m.id
                """).param("user", userId).param("kind", NotificationKind.PEOPLE_DEPARTED_HOLDING.key())
                .query((rs, i) -> new Held(StoredMessage.map(rs, json), rs.getObject("subject_id", UUID.class)))
                .list();
        for (Held held : open) {
            Optional<UUID> now = org.managerOf(held.departed()).map(OrgDirectory.Person::id);
            if (now.filter(userId::equals).isPresent()) {
                continue;
            }
            notifier.settle(NotificationKind.PEOPLE_DEPARTED_HOLDING, held.departed(), userId);
            if (now.isPresent() && !hasOpen(now.get(), held.departed())) {
                StoredMessage notice = held.notice();
                notifier.send(new Notification(now.get(), notice.kind(), notice.titleKey(), notice.args(),
                        notice.link(), notice.urgency(), held.departed()));
            }
        }
        return List.of();
    }

    private boolean hasOpen(UUID recipient, UUID departed) {
        return jdbc.sql("""
                select exists (select 1 from notification_message where recipient_id = :recipient and kind = :kind
                                  and subject_id = :departed and settled_at is null)
                """).param("recipient", recipient).param("kind", NotificationKind.PEOPLE_DEPARTED_HOLDING.key())
                .param("departed", departed).query(Boolean.class).single();
    }
}
