package com.lead2cash.lead.internal;

import com.lead2cash.platform.HeldRecords;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0095: the open leads a deactivated rep still owns — with their L7 deadlines, which keep escalating to
 * the manager as the SOP says — are counted for the handover, never reassigned here; the link is the lead list of that
 * owner's open leads (the list's "open" view, the same statuses counted), where the manager assigns them on.
 */
@Component
@Order(1)
class LeadsHeld implements HeldRecords {

    private final JdbcClient jdbc;

    LeadsHeld(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Held> heldBy(UUID userId) {
        int open = jdbc.sql("select count(*) from lead_lead where owner_id = :owner and status in (:open)")
                .param("owner", userId).param("open", LeadQueries.OPEN_STATUSES).query(Integer.class).single();
        return open == 0 ? List.of() : List.of(new Held(LEADS, open, "/leads?view=open&ownerId=" + userId));
    }
}
