package com.lead2cash.platform;

import java.util.List;
import java.util.UUID;

/**
 * Docs/decisions/0093: a module whose records name a person as the one who manages them for their team (the lead
 * module's sales territories, whose team is their manager's unit) gives that up when an administrator moves the person
 * out of the unit they were in — asked in the administrator's transaction, after the person is saved in their new unit
 * and the units they headed and left name them no more. The module also hands on the work that standing routed to them
 * (a territory's queued leads, a contest of the team's reps) to whom its routing names now. Answers the names of the
 * records given up, in name order (empty: they managed none).
 */
public interface Headships {

    /** The person (saved in their new unit) left {@code formerUnitId}; {@code by} is the administrator, or null. */
    List<String> giveUpHeadshipsOf(UUID userId, UUID formerUnitId, UUID by);
}
