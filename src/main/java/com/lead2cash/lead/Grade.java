package com.lead2cash.lead;

/**
 * Lead grade (线索等级) from grading: A high intent (高意向), B medium (中意向), C low
 * (低意向). Public because routing, dashboards and SOP compliance in other modules read it.
 */
public enum Grade {
    A,
    B,
    C
}
