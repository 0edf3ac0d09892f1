package com.lead2cash.approval;

/**
 * What the submitter may do with their approval now, as the approval says it (its page and the API show only these):
 * RESUBMIT after a send-back while its record still waits on it, WITHDRAW while it has not ended.
 */
public enum ApprovalAction { RESUBMIT, WITHDRAW }
