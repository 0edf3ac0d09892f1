package com.lead2cash.sop;

/** Whether a window counts working time on the company calendar or plain calendar time (SPEC §2: "calendar"). */
public enum TimeBasis {
    BUSINESS, CALENDAR
}
