package com.lead2cash.aftersales.internal.domain;

/** A handover's lifecycle: 待交接 → 待接收 → 已接收, or 已退回 with questions and handed over again. */
public enum HandoverStatus { OPEN, SUBMITTED, ACCEPTED, RETURNED }
