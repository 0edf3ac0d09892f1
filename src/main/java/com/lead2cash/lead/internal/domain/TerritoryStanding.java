package com.lead2cash.lead.internal.domain;

import java.util.Objects;

/**
 * L4/L5 — where a person stands to the team a lead's territory belongs to (the unit of its manager, with the
 * territory's own manager and reps). A lead of a team's territory stays within that team: its people assign and
 * claim it, and so may a manager above the team; anyone else is refused ({@link Lead#assign}, {@link Lead#claim}).
 * A lead without a territory, or of a territory nobody manages, belongs to no team.
 *
 * @param territory the territory's name, to say why
 * @param team the team's name, to say why
 */
public record TerritoryStanding(String territory, String team, Standing standing) {

    public enum Standing { NO_TEAM, WITHIN, ABOVE, OUTSIDE }

    public static final TerritoryStanding NO_TEAM = new TerritoryStanding(null, null, Standing.NO_TEAM);

    public TerritoryStanding {
        Objects.requireNonNull(standing, "standing");
    }

    /** Whether the person may take the lead or give it within the team: the team's own, above it, or no team. */
    public boolean admitted() {
        return standing != Standing.OUTSIDE;
    }

    /** Whether the person stands above the team, and so may also give its lead to someone of another team. */
    public boolean above() {
        return standing == Standing.ABOVE;
    }
}
