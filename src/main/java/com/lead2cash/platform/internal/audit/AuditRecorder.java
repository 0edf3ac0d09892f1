package com.lead2cash.platform.internal.audit;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DeferredInserts;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries to the audit trail, in the caller's transaction (sent with its other deferred inserts
 * just before it commits): a rolled-back change leaves no entry.
 */
@Component
public class AuditRecorder implements AuditTrail {

    /** The longest value the trail keeps whole; a longer one is cut and ends in …. */
    static final int MAX_VALUE_LENGTH = 2000;
    /** The actor of what the product does itself, with no one signed in (a sweep, a scheduled job, web-to-lead). */
    static final String SYSTEM = "system";

    private final DeferredInserts inserts;
    private final Clock clock;

    AuditRecorder(DeferredInserts inserts, Clock clock) {
        this.inserts = inserts;
        this.clock = clock;
    }

    @Override
    public void record(String action, String entityType, Object entityId, String detail) {
        CurrentUser actor = CurrentUser.get().orElse(null);
        append(actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.username(), action, entityType,
                entityId, null, null, null, detail);
    }

    @Override
    public void recordChange(String action, String entityType, Object entityId, String field, String oldValue,
                             String newValue, String detail) {
        CurrentUser actor = CurrentUser.get().orElse(null);
        append(actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.username(), action, entityType,
                entityId, field, oldValue, newValue, detail);
    }

    /** An entry with an explicit actor (sign-ins happen before anyone is authenticated). */
    public void recordAs(UUID actorId, String actorName, String action, String detail) {
        append(actorId, actorName, action, null, null, null, null, null, detail);
    }

    /** An entry for one field changed from {@code oldValue} to {@code newValue} by the user on this thread. */
    public void recordFieldChange(String action, String entityType, Object entityId, String field, String oldValue,
                           String newValue) {
        CurrentUser actor = CurrentUser.get().orElse(null);
        append(actor == null ? null : actor.id(), actor == null ? SYSTEM : actor.username(), action, entityType,
                entityId, field, oldValue, newValue, null);
    }

    private void append(UUID actorId, String actorName, String action, String entityType, Object entityId,
                        String field, String oldValue, String newValue, String detail) {
        inserts.add("""
                insert into platform_audit_event (occurred_at, actor_id, actor_name, action, entity_type, entity_id,
                                                  field, old_value, new_value, detail, remote_addr)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                java.sql.Timestamp.from(clock.instant()), actorId, actorName, action, entityType,
                entityId == null ? null : entityId.toString(), field, cut(oldValue), cut(newValue), cut(detail),
                remoteAddress());
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
