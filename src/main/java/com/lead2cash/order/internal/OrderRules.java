package com.lead2cash.order.internal;

import com.lead2cash.sop.DeadlineWindow;
import com.lead2cash.sop.Param;
import com.lead2cash.sop.Rule;
import com.lead2cash.sop.TimeBasis;
import com.lead2cash.sop.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The order module's SOP rules (交付规则, D1–D3), bound from the current policy version by
 * {@code policy.current().bind(OrderRules.class)}; the defaults live in the SOP rule catalogue only.
 * D1's window is applied by the deadline engine; D3 ("the same day") is the end of the company's day.
 *
 * @param progressWindow D1 — how often the owning rep checks delivery progress
 * @param waybillWindow  D2 — how long before the ship date the carrier's waybill number must be on record
 */
public record OrderRules(
        @Rule(OrderRules.PROGRESS) @Param("window") DeadlineWindow progressWindow,
        @Rule(OrderRules.WAYBILL) @Param("window") DeadlineWindow waybillWindow) {

    /** The owning rep checks delivery progress every window. */
    public static final String PROGRESS = "D1";
    /** The waybill number is recorded at least the window before the ship date. */
    public static final String WAYBILL = "D2";
    /** A delay: new date recorded and the customer told the same day. */
    public static final String DELAY = "D3";

    /**
     * D2 — when the waybill of a shipment leaving on {@code shipDate} is due: the window before the ship
     * day's start of work, counted back on the working calendar (business) or the clock (calendar). With
     * the default of one business day, a Monday shipment needs its waybill by Friday's start of work.
     */
    public Instant waybillDueAt(LocalDate shipDate, WorkingCalendar calendar) {
        Instant shipStart = shipDate.atTime(calendar.workStart()).atZone(calendar.zone()).toInstant();
        if (waybillWindow.basis() == TimeBasis.CALENDAR) {
            return shipDate.atStartOfDay(calendar.zone()).toInstant()
                    .minus(calendar.due(Instant.EPOCH, waybillWindow).toEpochMilli(), java.time.temporal.ChronoUnit.MILLIS);
        }
        if (waybillWindow.duration().unit() == com.lead2cash.sop.BusinessUnit.DAYS) {
            LocalDate day = shipDate;
            for (long n = waybillWindow.duration().amount(); n > 0; ) {
                day = day.minusDays(1);
                if (calendar.isWorkingDay(day)) {
                    n--;
                }
            }
            return day.atTime(calendar.workStart()).atZone(calendar.zone()).toInstant();
        }
        // hours or minutes of working time: the latest whole hour from which the window still ends by the ship day's start
        Instant t = shipStart;
        for (int i = 0; i < 24 * 60 && calendar.plus(t, waybillWindow.duration()).isAfter(shipStart); i++) {
            t = t.minus(java.time.Duration.ofHours(1));
        }
        return t;
    }
}
