package com.lead2cash.platform;

/**
 * The audit trail (审计日志). Changes to aggregates are recorded automatically, field by field; this
 * interface is for events that are not a row change (logins, exports, a decision taken).
 */
public interface AuditTrail {

    void record(String action, String entityType, Object entityId, String detail);
}
