package com.lead2cash.lead.internal;

/** How a lead entered the system. */
enum CaptureChannel { MANUAL, API, WEB_FORM, IMPORT }
