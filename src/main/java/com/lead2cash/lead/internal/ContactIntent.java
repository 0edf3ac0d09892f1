package com.lead2cash.lead.internal;

/** Intent level the rep judged on a contact attempt (意向等级); the first attempt is the first response. */
enum ContactIntent { HIGH, MEDIUM, LOW }
