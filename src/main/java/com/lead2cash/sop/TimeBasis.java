package com.lead2cash.sop;

/** Whether a window counts working time on the company calendar or plain calendar time ("calendar" in docs/sop-rules.md). */
public enum TimeBasis {
    BUSINESS, CALENDAR
}
