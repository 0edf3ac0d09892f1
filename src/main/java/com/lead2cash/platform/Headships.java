package com.lead2cash.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Docs/decisions/0093: a module whose records name a person as the one who manages them for their team (the lead
 * module's sales territories, whose team is their manager's unit) gives that up when an administrator moves the person
 * out of the unit they were in, or takes from them the last role that may manage a team ({@link Role#isManagerial()}) —
 * asked in the administrator's transaction, after the person is saved with their new unit and roles and the units they
 * may head no more name them no more. The module also hands on the work that standing routed to them (a territory's
 * queued leads, a contest of the team's reps; the notification module the notice of a departed member's open records,
 * 0095) to whom its routing names now. Answers the names of the records given up, in name order (empty: they managed
 * none). The changes are audited as the administrator's, as any change they save.
 */
public interface Headships {

    /** The person, saved, manages nothing for a team any more. */
    List<String> giveUpHeadshipsOf(UUID userId);

    /**
     * Docs/decisions/0099: the roles whose holders take up what the module gives up when nobody else is named for it (the
     * lead module's: the sales directors, whose general queue a territory's queued leads go to). Of them, those nobody
     * active holds while work waits on them ({@link HandedOnWork#waitingOn}) are said with what was given up, as a
     * deactivation says them (0074). None by default.
     */
    default Set<Role> givenUpToHoldersOf() {
        return Set.of();
    }
}
