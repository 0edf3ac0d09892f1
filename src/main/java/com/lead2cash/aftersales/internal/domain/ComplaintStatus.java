package com.lead2cash.aftersales.internal.domain;

/** A complaint's lifecycle: 已受理 → 已分类 → 处理中 → 已反馈 → 已关闭. */
public enum ComplaintStatus { RECEIVED, CLASSIFIED, HANDLING, FEEDBACK, CLOSED }
