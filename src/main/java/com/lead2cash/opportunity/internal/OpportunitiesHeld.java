package com.lead2cash.opportunity.internal;

import com.lead2cash.opportunity.Stage;
import com.lead2cash.platform.HeldRecords;
import java.util.List;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Docs/decisions/0095: the open opportunities a deactivated person still owns are counted for the handover, never
 * reassigned here; the link is the opportunity list of that owner with no stage chosen — its open stages, those counted
 * here (the board would show their won and lost ones too).
 */
@Component
@Order(3)
class OpportunitiesHeld implements HeldRecords {

    private static final List<String> OPEN = Stage.OPEN.stream().map(Enum::name).toList();

    private final JdbcClient jdbc;

    OpportunitiesHeld(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Held> heldBy(UUID userId) {
        int open = jdbc.sql("select count(*) from opportunity_opportunity where owner_id = :owner and stage in (:open)")
                .param("owner", userId).param("open", OPEN).query(Integer.class).single();
        return open == 0 ? List.of() : List.of(new Held(OPPORTUNITIES, open, "/opportunities/list?ownerId=" + userId));
    }
}
