package com.lead2cash.lead.internal;

import com.lead2cash.lead.internal.domain.DisqualifyReasons;
import com.lead2cash.lead.internal.domain.GradeReason;
import com.lead2cash.platform.CurrentUser;
import com.lead2cash.platform.DeferredInserts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lead's story as people read it — routed and why, claimed, contest, reassigned with reason —
 * as bundle keys with arguments, beside the field-level audit trail.
 */
@Component
public class LeadHistory {

    public record Entry(Instant occurredAt, UUID actorId, String messageKey, List<String> args) {

        /**
         * The arguments as the page shows them: a stored code (capture channel, contact channel, intent) as its
         * label, read in the reader's language; a disqualification's reason by the label the form offers
         * ({@code disqualifyReasons}, the managed list in the reader's language); a code without a label shows as
         * stored.
         */
        public Object[] displayArgs(List<DisqualifyReasons.Reason> disqualifyReasons) {
            Object[] shown = args.toArray();
            switch (messageKey) {
                case "lead.history.captured" -> label(shown, 0, "lead.capturedVia.");
                case "lead.history.contacted" -> {
                    label(shown, 0, CHANNEL_LABEL);
                    label(shown, 1, "lead.intent.");
                }
                case "lead.history.disqualified" -> {
                    if (shown.length > 0) {
                        Object code = shown[0];
                        disqualifyReasons.stream().filter(r -> r.code().equals(code)).findFirst()
                                .ifPresent(r -> shown[0] = r.label());
                    }
                }
                default -> {
                }
            }
            return shown;
        }

        private static void label(Object[] args, int index, String prefix) {
            if (index < args.length && args[index] instanceof String code && !code.isEmpty()) {
                String key = prefix + (prefix.equals(CHANNEL_LABEL) ? code.toLowerCase(Locale.ROOT) : code);
                args[index] = new DefaultMessageSourceResolvable(new String[] {key}, code);
            }
        }
    }

    /** Contact channels are stored as typed (the page sends "phone", the API may send "PHONE"). */
    static final String CHANNEL_LABEL = "lead.channel.";

    private final JdbcClient jdbc;
    private final DeferredInserts inserts;

    LeadHistory(JdbcClient jdbc, DeferredInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /**
     * Records an entry in the current transaction. Entries are written with the transaction's other
     * deferred inserts just before it commits — after the lead row they refer to exists, and in one
     * batch for an import.
     */
    public void record(UUID leadId, Instant at, String messageKey, Object... args) {
        inserts.add("insert into lead_event (lead_id, occurred_at, actor_id, message_key, args) values (?, ?, ?, ?, ?)",
                leadId, Timestamp.from(at), CurrentUser.get().map(CurrentUser::id).orElse(null), messageKey,
                Arrays.stream(args).map(a -> a == null ? "—" : String.valueOf(a))
                        .collect(Collectors.joining(GradeReason.SEPARATOR)));
    }

    public List<Entry> of(UUID leadId) {
        return jdbc.sql("select occurred_at, actor_id, message_key, args from lead_event where lead_id = :l order by id")
                .param("l", leadId).query((rs, i) -> new Entry(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("actor_id", UUID.class), rs.getString("message_key"),
                        rs.getString("args") == null || rs.getString("args").isEmpty() ? List.of()
                                : List.of(rs.getString("args").split(GradeReason.SEPARATOR, -1)))).list();
    }
}
