package com.lead2cash.aftersales.internal;

import com.lead2cash.platform.OrgUnitReferences;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A satisfaction survey keeps the team its rep was in when it was sent (its report by team counts it there): that
 * team's unit is not deleted while a survey names it (docs/decisions/0096).
 */
@Component
class SurveyTeams implements OrgUnitReferences {

    private final JdbcClient jdbc;

    SurveyTeams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> holding(UUID unitId) {
        long surveys = jdbc.sql("select count(*) from aftersales_survey where team_id = :unit").param("unit", unitId)
                .query(Long.class).single();
        return surveys == 0 ? List.of() : List.of(new Holding("aftersales.orgUnit.heldBySurveys", surveys));
    }
}
