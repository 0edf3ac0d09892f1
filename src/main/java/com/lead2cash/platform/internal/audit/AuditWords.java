package com.lead2cash.platform.internal.audit;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.RecordNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit entry as the audit screen shows it: the record type by its label ({@code record.type.Lead}), a detail that
 * is a message key by its message (and each argument that is a key by its message), a moment as the other pages write
 * one ({@code yyyy-MM-dd HH:mm} in the company's zone), a code by its label where the bundle names it by record type and field ({@code lead.source.WEBSITE_FORM}),
 * and a field by its label where the bundle names it ({@code receivable.dueDate}, {@code audit.field.updatedAt}).
 * The record by the number people know (lead code, contract number), as its module names it ({@link RecordNames}),
 * linked to its page when the reader may open it; a record without one by its id. Anything else stays as recorded.
 * Only the showing changes: the trail keeps what was written, as evidence.
 */
@Component
class AuditWords {

    /** One row of the screen; recordName and recordLink null when the record's module names it by no number. */
    record AuditRow(Instant occurredAt, String actorName, String action, String entityType, String entityId,
                    String recordName, String recordLink, String field, String detail, String oldValue,
                    String newValue) {
    }

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern MESSAGE_KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+");
    /** A creation's values as recorded, {@code {field=value, field=value}}: the entries start where a name and = do. */
    private static final Pattern MAP_ENTRY_START = Pattern.compile(", (?=[a-z][A-Za-z0-9]*=)");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final ZoneId zone;
    private final ObjectProvider<RecordNames> recordNames;

    AuditWords(MessageSource messages, @Value("${l2c.zone}") ZoneId zone, ObjectProvider<RecordNames> recordNames) {
        this.messages = messages;
        this.zone = zone;
        this.recordNames = recordNames;
    }

    /** A page of the trail, its records named by their modules: one question per record type on the page. */
    CursorPage<AuditRow> page(CursorPage<AuditQueries.AuditEntry> page, Locale locale) {
        Map<String, RecordNames> namers = recordNames.orderedStream()
                .collect(Collectors.toMap(RecordNames::recordType, n -> n, (a, b) -> a));
        Map<String, Map<String, RecordNames.RecordName>> names = new HashMap<>();
        page.items().stream().filter(e -> e.entityType() != null && e.entityId() != null)
                .collect(Collectors.groupingBy(AuditQueries.AuditEntry::entityType,
                        Collectors.mapping(AuditQueries.AuditEntry::entityId, Collectors.toSet())))
                .forEach((type, ids) -> names.put(type, named(namers.get(type), ids)));
        return page.map(e -> row(e, e.entityId() == null ? null
                : names.getOrDefault(e.entityType(), Map.of()).get(e.entityId()), locale));
    }

    private static Map<String, RecordNames.RecordName> named(RecordNames namer, Collection<String> ids) {
        return namer == null ? Map.of() : namer.names(ids);
    }

    private AuditRow row(AuditQueries.AuditEntry e, RecordNames.RecordName name, Locale locale) {
        String type = e.entityType();
        return new AuditRow(e.occurredAt(), e.actorName(), e.action(),
                type == null ? null : messages.getMessage("record.type." + type, null, type, locale), e.entityId(),
                name == null ? null : name.text(), name == null ? null : name.link(),
                field(type, e.field(), locale), e.detail() == null ? null : detail(e.detail(), locale),
                value(type, e.field(), e.oldValue(), locale), value(type, e.field(), e.newValue(), locale));
    }

    /**
     * Details written as English words before they were message keys (why a sign-in was refused or a session ended,
     * up to 2026-12): said by the key written now, so old entries read in the reader's language too.
     */
    private static final Map<String, String> DETAILS_WRITTEN_AS_WORDS = Map.of(
            "bad credentials", "audit.detail.badCredentials",
            "account deactivated", "audit.detail.accountDeactivated",
            "account locked", "audit.detail.accountLocked",
            "account expired", "audit.detail.accountExpired",
            "password expired", "audit.detail.passwordExpired",
            "sign-in refused", "audit.detail.signInRefused",
            "access revoked", "audit.detail.accessRevoked");

    /**
     * An entry as the API answers it: as recorded, but a detail that is a message (a key and its arguments) said in
     * the reader's language, as the screen says it; any other detail as written (its moments as recorded, in UTC).
     */
    AuditQueries.AuditEntry said(AuditQueries.AuditEntry e, Locale locale) {
        String message = e.detail() == null ? null : message(e.detail(), locale);
        return message == null ? e : new AuditQueries.AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(),
                e.action(), e.entityType(), e.entityId(), e.field(), e.oldValue(), e.newValue(), message,
                e.remoteAddr());
    }

    private String detail(String detail, Locale locale) {
        String message = message(detail, locale);
        return message != null ? message : moments(detail);
    }

    /** The detail said as a message in the reader's language; null when it is not one (text as written). */
    private String message(String recorded, Locale locale) {
        String detail = DETAILS_WRITTEN_AS_WORDS.getOrDefault(recorded, recorded);
        // a key alone, or a key and its arguments one a line (AuditTrail.record with arguments)
        String[] parts = detail.split(AuditTrail.DETAIL_ARGUMENT_SEPARATOR, -1);
        if (MESSAGE_KEY.matcher(parts[0]).matches()) {
            // an argument that is a message key (a view, a status) is said in the reader's language too
            Object[] args = Arrays.stream(parts, 1, parts.length).map(a -> single(null, null, a, locale)).toArray();
            String message = messages.getMessage(parts[0], args.length == 0 ? null : args, null, locale);
            // a message that wants arguments cannot be said without them; the key is the better clue then
            if (message != null && (args.length > 0 || !message.contains("{0"))) {
                return message;
            }
        }
        return null;
    }

    /** A field by its label where the bundle names it for the record type ({@code receivable.dueDate}) or for all. */
    private String field(String type, String field, Locale locale) {
        if (field == null) {
            return null;
        }
        for (String key : type == null ? new String[] {"audit.field." + field}
                : new String[] {Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + field, "audit.field." + field}) {
            String label = messages.getMessage(key, null, null, locale);
            if (label != null && !label.contains("{0")) {
                return label;
            }
        }
        return field;
    }

    private String value(String type, String field, String value, Locale locale) {
        if (value == null) {
            return null;
        }
        if (field == null && value.startsWith("{") && value.endsWith("}")) {
            StringBuilder shown = new StringBuilder("{");
            String[] entries = MAP_ENTRY_START.split(value.substring(1, value.length() - 1));
            for (int i = 0; i < entries.length; i++) {
                int eq = entries[i].indexOf('=');
                shown.append(i == 0 ? "" : ", ").append(eq < 0 ? entries[i]
                        : entries[i].substring(0, eq + 1) + single(type, entries[i].substring(0, eq), entries[i].substring(eq + 1), locale));
            }
            return shown.append('}').toString();
        }
        return single(type, field, value, locale);
    }

    private String single(String type, String field, String value, Locale locale) {
        if (type != null && field != null && CODE.matcher(value).matches()) {
            String label = messages.getMessage(Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + field + "." + value,
                    null, null, locale);
            return label != null ? label : value;
        }
        if (MESSAGE_KEY.matcher(value).matches()) {
            String message = messages.getMessage(value, null, null, locale);
            return message != null && !message.contains("{0") ? message : value;
        }
        return moments(value);
    }

    /** Every moment in the text written as the pages write one. */
    private String moments(String text) {
        Matcher m = INSTANT.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (m.find()) {
            String moment;
            try {
                moment = MINUTES.format(Instant.parse(m.group()).atZone(zone));
            } catch (DateTimeParseException e) {
                moment = m.group();
            }
            m.appendReplacement(shown, Matcher.quoteReplacement(moment));
        }
        return m.appendTail(shown).toString();
    }
}
