package com.lead2cash.aftersales.internal.domain;

/** How bad a complaint is (严重程度); its SLA windows come from the policy (S1, S2). */
public enum Severity { CRITICAL, MAJOR, MINOR }
