package com.lead2cash.lead.internal.domain;

/** Intent level the rep judged on a contact attempt (意向等级); the first attempt is the first response. */
public enum ContactIntent { HIGH, MEDIUM, LOW }
