package com.lead2cash.sop;

/**
 * Unit of a {@link BusinessDuration}: working minutes, working hours (60 working minutes each) or
 * working days (工作日).
 */
public enum BusinessUnit {
    MINUTES,
    HOURS,
    DAYS
}
