package com.lead2cash.sop;

/**
 * What a dated exception in the {@link WorkingCalendar} (工作日历) makes of that date, whatever its
 * weekday: a public holiday (法定节假日) or a make-up working day (调休上班日).
 */
public enum DayKind {
    /** Not a working day, even when it falls on a working weekday. */
    HOLIDAY,
    /** A working day, even when it falls on a weekend (调休). */
    WORKDAY
}
