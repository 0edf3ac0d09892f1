package com.lead2cash.lead.internal;

/** Intent level the rep judged on first contact (意向等级, L7). */
enum ContactIntent { HIGH, MEDIUM, LOW }
