package com.lead2cash.sop;

import java.time.Instant;

/**
 * The company's working calendar as the administrator maintains it (工作日历): settings and
 * dated exceptions from the database, always the latest on every node.
 */
public interface BusinessCalendar {

    /** The calendar as it stands now. */
    WorkingCalendar current();

    /**
     * When a window opened at {@code start} ends: business windows count working time on
     * {@link #current()}; calendar windows add plain minutes, hours or days in the company zone.
     */
    Instant due(Instant start, DeadlineWindow window);
}
