package com.lead2cash.lead.internal.domain;

/** How a lead entered the system. */
public enum CaptureChannel { MANUAL, API, WEB_FORM, IMPORT }
