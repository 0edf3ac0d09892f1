package com.lead2cash.platform.internal.audit;

import com.lead2cash.platform.AuditTrail;
import com.lead2cash.platform.CodeNames;
import com.lead2cash.platform.CursorPage;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.OrgDirectory;
import com.lead2cash.platform.RecordNames;
import java.math.BigDecimal;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry as the audit screen shows it: the record type by its label ({@code record.type.Lead}), a detail that
 * is a message key by its message (and each argument that is a key by its message, each the message formats as a
 * number, a count, grouped: 1,234,567), a moment as the other pages write
 * one ({@code yyyy-MM-dd HH:mm} in the company's zone), a code by its label where the bundle names it by record type and field ({@code lead.source.WEBSITE_FORM}),
 * and a field by its label where the bundle names it ({@code receivable.dueDate}, {@code audit.field.updatedAt}).
 * The record by the number people know (lead code, contract number), as its module names it ({@link RecordNames}),
 * linked to its page when the reader may open it; a record without one by its id. A yes/no value as yes or no, a
 * person's id as their name ({@link OrgDirectory}), an amount as the pages write one (275,880.00), and a creation
 * field by field as the changes of an update read (every audited field has its label: AuditedFieldLabelsTest), its
 * lines (a quote's lines, an approval's steps) line by line, each field of a line by its label as the record's are.
 * A value that refers to another record by its id (customerId, a line's productId, a user's org unit) names that record
 * as its module does ({@link RecordNames}), only where the reader may open it; else the id as recorded. A field that
 * holds codes its module names ({@link CodeNames}: a region's administrative-division code, 310000) each code by its
 * name (上海市). The product itself as the actor (a sweep, a scheduled job, the public web-to-lead endpoint) in the
 * reader's words; a record the trail names by a word, not an id (the product catalogue; the working calendar, by its
 * type's own label), by its label. An approval's approver rules and its coded facts as the approval module words them.
 * Anything else stays as recorded.
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

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Fields whose codes the bundles name under another key than {@code type.field.CODE}: a task's state among an
     * approval's tasks ({@code approval.taskState.PENDING}), a role among a user's roles ({@code role.SALES_REP}), a
     * step's mode and its approvers' role ({@code approval.mode.PARALLEL}, {@code role.FINANCE}), a step's name as the
     * approval page labels it ({@code approval.step.CONTRACT_REVIEW}, else the role it names), and the codes whose
     * labels the module's pages keep under their own names ({@code aftersales.severity.CRITICAL}); a line's field's codes
     * by its path ({@code Approval.tasks.assigneeRole}), else by the field that holds the lines. A grade or a credit
     * rating (A, B, C) is its own word.
     */
    private static final Map<String, List<String>> CODE_KEYS = Map.ofEntries(
            Map.entry("Approval.tasks", List.of("approval.taskState")),
            Map.entry("Approval.steps", List.of("approval.mode", "role")),
            Map.entry("Approval.steps.name", List.of("approval.step", "role")),
            Map.entry("Approval.tasks.assigneeRole", List.of("role")),
            Map.entry("Opportunity.evaluations.seat", List.of("opportunity.seat")),
            Map.entry("NeedsAnalysis.decisionMakers.role", List.of("customer.role")),
            Map.entry("Contract.milestones.type", List.of("contract.milestone")),
            Map.entry("NegotiationMinutes.milestones.type", List.of("minutes.milestone")),
            Map.entry("User.roles", List.of("role")),
            Map.entry("NotificationRobot.channel", List.of("notification.channel")),
            Map.entry("Opportunity.forecastCategory", List.of("opportunity.forecast")),
            Map.entry("Opportunity.lostFromStage", List.of("opportunity.stage")),
            Map.entry("Contract.riskLevel", List.of("contract.risk")),
            Map.entry("Complaint.category", List.of("aftersales.category")),
            Map.entry("Complaint.severity", List.of("aftersales.severity")),
            Map.entry("Complaint.receivedVia", List.of("aftersales.via")),
            Map.entry("Complaint.status", List.of("aftersales.complaint.status")),
            Map.entry("PriceList.kind", List.of("catalog.priceList.kind")),
            Map.entry("Handover.status", List.of("aftersales.handover.status")),
            Map.entry("Quote.requiredAuthority", List.of("quote.authority")),
            Map.entry("NegotiationMinutes.status", List.of("minutes.status")),
            Map.entry("ContractTemplate.state", List.of("contract.template.state")),
            Map.entry("Contact.decisionRole", List.of("customer.role")),
            Map.entry("Contact.attitude", List.of("customer.attitude")));

    /**
     * Fields whose value is a kind the bundles name by a key of its own ({@code approval.subject.CustomerCredit}, as the
     * approvals pages name the kind of record approved; a confirmation's by the record types' labels), and the lines that are a name and its value each named by its
     * module's key ({@code approval.fact.creditRating}, as the approval page names an approval's facts).
     */
    private static final Map<String, String> KIND_KEYS = Map.of("Approval.subjectType", "approval.subject",
            "Confirmation.subjectType", "record.type");
    private static final Map<String, NamedLines> NAMED_LINES = Map.of("Approval.facts",
            new NamedLines("approval.fact", "approval.factLabels", "subjectType"));

    /**
     * Lines that are a name and its value: each name by its key under {@code names}; a value that is a code by the
     * labels the module names for the record's kind ({@code kindField}) and the name, as the approval page reads an
     * approval's facts ({@code approval.factLabels.Contract.riskLevel=contract.risk}: HIGH as contract.risk.HIGH).
     */
    private record NamedLines(String names, String codeLabels, String kindField) {
    }

    /** The fields that hold an approval's approver rules ({@code ROLE:FINANCE,USER:<id>,HEAD:LEGAL,MANAGER:1}). */
    private static final Set<String> APPROVER_RULES = Set.of("Approval.steps.approvers");
    /** A rule other than a person's, and what it applies to: a role (FINANCE, LEGAL) or levels up the org tree (1). */
    private static final Pattern APPROVER_RULE = Pattern.compile("\\b(ROLE|HEAD|MANAGER):([A-Z][A-Z0-9_]*|\\d{1,2})\\b");
    /**
     * Each such rule as the approval module words it: a role's pool (任一财务), the head of the department whose people
     * hold a role (法务负责人), the submitter's manager that many levels up (提交人的上级).
     */
    private static final Map<String, String> APPROVER_RULE_KEYS = Map.of(
            "ROLE", "approval.detail.pool",
            "HEAD", "approval.rule.head",
            "MANAGER", "approval.rule.manager");
    private static final Pattern USER_RULE = Pattern.compile("\\bUSER:(?=" + UUID_TEXT.pattern() + ")");

    private final MessageSource messages;
    private final ZoneId zone;
    private final ObjectProvider<RecordNames> recordNames;
    private final ObjectProvider<CodeNames> codeNames;
    private final OrgDirectory org;

    AuditWords(MessageSource messages, @Value("${l2c.zone}") ZoneId zone, ObjectProvider<RecordNames> recordNames,
               ObjectProvider<CodeNames> codeNames, OrgDirectory org) {
        this.messages = messages;
        this.zone = zone;
        this.recordNames = recordNames;
        this.codeNames = codeNames;
        this.org = org;
    }

    /**
     * The fields that hold codes of a kind its module names ({@link CodeNames}), whatever their record type: a lead's
     * and a customer's region ({@code regionCode}), a sales territory's regions (codes separated by commas).
     */
    private static final Map<String, String> CODE_KINDS = Map.of(
            "regionCode", "Region",
            "regions", "Region");

    /** The kind of code a field holds ({@code Region} for regionCode, a line's field by its own name); null for none. */
    static String codeKind(String field) {
        return field == null ? null : CODE_KINDS.get(field.substring(field.indexOf('.') + 1));
    }

    /** The codes in a value: the words between its commas, semicolons and spaces. */
    private static final Pattern CODE_TOKEN = Pattern.compile("[^\\s,;，；\\[\\]]+");

    /** A page of the trail, its records named by their modules: one question per record type on the page. */
    CursorPage<AuditRow> page(CursorPage<AuditQueries.AuditEntry> page, Locale locale) {
        Map<String, RecordNames> namers = recordNames.orderedStream()
                .collect(Collectors.toMap(RecordNames::recordType, n -> n, (a, b) -> a));
        Map<String, Map<String, RecordNames.RecordName>> names = new HashMap<>();
        page.items().stream().filter(e -> e.entityType() != null && e.entityId() != null)
                .collect(Collectors.groupingBy(AuditQueries.AuditEntry::entityType,
                        Collectors.mapping(AuditQueries.AuditEntry::entityId, Collectors.toSet())))
                .forEach((type, ids) -> names.put(type, named(namers.get(type), ids)));
        // a person by their name wherever a value holds their id (issuedBy, an approver, a task's actor): one question
        Set<UUID> ids = new HashSet<>();
        page.items().forEach(e -> Stream.of(e.oldValue(), e.newValue()).filter(Objects::nonNull).forEach(v -> {
            Matcher m = UUID_TEXT.matcher(v);
            while (m.find()) {
                ids.add(UUID.fromString(m.group()));
            }
        }));
        Map<String, String> people = new HashMap<>();
        org.people(ids).forEach((id, person) -> people.put(id.toString(), person.displayName()));
        // a record another value refers to (customerId, a line's productId, an org unit's parentId) by its name, where
        // the reader may open it: one question per record type on the page
        Map<String, Set<String>> referred = new HashMap<>();
        page.items().forEach(e -> references(e, (field, id) -> {
            String referredType = referredType(e.entityType(), field);
            if (referredType != null && namers.containsKey(referredType) && !people.containsKey(id)) {
                referred.computeIfAbsent(referredType, t -> new HashSet<>()).add(id);
            }
        }));
        Map<String, String> records = new HashMap<>();
        referred.forEach((referredType, referredIds) -> namers.get(referredType).names(referredIds).forEach((id, name) -> {
            if (name.link() != null) {
                records.put(id, name.text());
            }
        }));
        // a code a field holds (a region's) by its name: one question per kind of code on the page
        Map<String, Set<String>> coded = new HashMap<>();
        page.items().forEach(e -> values(e, (field, value) -> {
            String kind = codeKind(field);
            if (kind != null) {
                CODE_TOKEN.matcher(value).results().forEach(m -> coded.computeIfAbsent(kind, k -> new HashSet<>())
                        .add(m.group()));
            }
        }));
        Map<String, Map<String, String>> codes = new HashMap<>();
        codeNames.orderedStream().filter(n -> coded.containsKey(n.kind()))
                .forEach(n -> codes.putIfAbsent(n.kind(), n.names(coded.get(n.kind()), locale)));
        Words words = new Words(locale, people, records, codes);
        return page.map(e -> row(e, e.entityId() == null ? null
                : names.getOrDefault(e.entityType(), Map.of()).get(e.entityId()), words));
    }

    /**
     * The reader's language, the people the page's values name and the records they refer to, by id, and the codes its
     * fields hold by kind ({@code Region}) and code.
     */
    private record Words(Locale locale, Map<String, String> people, Map<String, String> records,
                         Map<String, Map<String, String>> codes) {

        /** A person's name or a record's, by its id; null for an id of neither. */
        String named(String id) {
            String person = people.get(id);
            return person != null ? person : records.get(id);
        }
    }

    /**
     * Org units by the fields that refer to one, whatever their record type: a user's and a team's unit, the unit a
     * unit lies under; a territory and an approval by the fields named otherwise than their types. Any other field
     * named for a record type ({@code customerId}, {@code opportunityId}) refers to a record of that type.
     */
    private static final Map<String, String> REFERRED_TYPES = Map.of(
            "orgUnitId", "OrgUnit",
            "unitId", "OrgUnit",
            "OrgUnit.parentId", "OrgUnit",
            // a lead's territory, a customer's pending credit approval
            "territoryId", "SalesTerritory",
            "Customer.creditApprovalId", "Approval");

    /** The record type a field's id refers to ({@code Customer} for customerId); null when its name says none. */
    static String referredType(String type, String field) {
        String of = field.substring(field.indexOf('.') + 1);
        String known = REFERRED_TYPES.getOrDefault(type + "." + of, REFERRED_TYPES.get(of));
        if (known != null) {
            return known;
        }
        return of.length() > 2 && of.endsWith("Id") ? Character.toUpperCase(of.charAt(0)) + of.substring(1, of.length() - 2)
                : null;
    }

    /**
     * Each value an entry holds with the field that holds it: an update's old and new, a creation's field by field, a
     * line's as {@code lines.region}.
     */
    private static void values(AuditQueries.AuditEntry e, java.util.function.BiConsumer<String, String> found) {
        if (e.field() != null) {
            Stream.of(e.oldValue(), e.newValue()).filter(Objects::nonNull).forEach(v -> found.accept(e.field(), v));
            return;
        }
        Map<String, Object> fields = e.newValue() != null && e.newValue().startsWith("{\"") ? created(e.newValue()) : null;
        if (fields == null) {
            return;
        }
        fields.forEach((field, value) -> {
            for (Object line : value instanceof List<?> items ? items : List.of(value)) {
                if (line instanceof Map<?, ?> item) {
                    item.forEach((of, v) -> found.accept(field + "." + of, String.valueOf(v)));
                } else {
                    found.accept(field, String.valueOf(line));
                }
            }
        });
    }

    /** Each id an entry's values hold, with the field that holds it (a line's field as {@code lines.productId}). */
    private static void references(AuditQueries.AuditEntry e, java.util.function.BiConsumer<String, String> found) {
        values(e, (field, value) -> uuids(value).forEach(id -> found.accept(field, id)));
    }

    private static List<String> uuids(String text) {
        return UUID_TEXT.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    /**
     * The bundle keys that may name a field of a record type, the type's own first ({@code receivable.dueDate}), then
     * the one for every type ({@code audit.field.dueDate}); a label with a placeholder is no label.
     */
    static List<String> labelKeys(String type, String field) {
        int dot = field.indexOf('.');
        if (dot >= 0) {
            // a field of a line ({@code lines.unitPrice}): the line's own ({@code quote.lines.unitPrice}), then the one
            // for every type ({@code audit.field.unitPrice}); not the record's own field of that name (a milestone's
            // amount is not the contract's)
            String of = field.substring(dot + 1);
            return type == null ? List.of("audit.field." + of) : List.of(prefix(type) + "." + field, "audit.field." + of);
        }
        return type == null ? List.of("audit.field." + field)
                : List.of(prefix(type) + "." + field, "audit.field." + field);
    }

    /**
     * The key prefixes that name a field's codes ({@code lead.source} for WEBSITE_FORM); a line's field's codes
     * ({@code tasks.state}) by its own keys, else by those of the field that holds the lines, else by the line's
     * ({@code approval.tasks.state}).
     */
    static List<String> codeKeyPrefixes(String type, String field) {
        int dot = field.indexOf('.');
        if (dot >= 0) {
            return CODE_KEYS.getOrDefault(type + "." + field, CODE_KEYS.getOrDefault(type + "." + field.substring(0, dot),
                    List.of(prefix(type) + "." + field)));
        }
        return CODE_KEYS.getOrDefault(type + "." + field, List.of(prefix(type) + "." + field));
    }

    private static String prefix(String type) {
        return Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    /** A code of a field by its label; null when the bundle names it by none. */
    private String code(String type, String field, String code, Locale locale) {
        for (String prefix : codeKeyPrefixes(type, field)) {
            String label = messages.getMessage(prefix + "." + code, null, null, locale);
            if (label != null && !label.contains("{0")) {
                return label;
            }
        }
        return null;
    }

    private static Map<String, RecordNames.RecordName> named(RecordNames namer, Collection<String> ids) {
        return namer == null ? Map.of() : namer.names(ids);
    }

    private AuditRow row(AuditQueries.AuditEntry e, RecordNames.RecordName name, Words words) {
        Locale locale = words.locale();
        String type = e.entityType();
        // a record the trail names by a word, not an id (the product catalogue): by its label, linked to no page
        String word = name != null || type == null || e.entityId() == null ? null
                : messages.getMessage("audit.record." + type + "." + e.entityId(), null, null, locale);
        // a deleted record its module no longer names: by the name it held when it was deleted (a sales territory)
        String held = name != null || word != null || !"DELETE".equals(e.action()) ? null : heldName(e.oldValue());
        return new AuditRow(e.occurredAt(), actor(e, locale), e.action(),
                type == null ? null : messages.getMessage("record.type." + type, null, type, locale), e.entityId(),
                name != null ? name.text() : word != null ? word : held, name == null ? null : name.link(),
                field(type, e.field(), locale), e.detail() == null ? null : detail(e.detail(), locale),
                value(type, e.field(), e.oldValue(), words), value(type, e.field(), e.newValue(), words));
    }

    /**
     * Who did it: a person by the name the trail has; the product itself (a sweep, a scheduled job, the public
     * web-to-lead endpoint: an entry of a record with no one signed in) in the reader's words. A sign-in names no
     * record: its actor is the name typed, whatever it is.
     */
    private String actor(AuditQueries.AuditEntry e, Locale locale) {
        return e.actorId() == null && e.entityType() != null && AuditRecorder.SYSTEM.equals(e.actorName())
                ? messages.getMessage("audit.actor.system", null, e.actorName(), locale) : e.actorName();
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
            "access revoked", "audit.detail.accessRevoked",
            // the product catalogue's export (up to 2026-12), and the kind of a calendar day set
            "xlsx", "catalog.audit.exported",
            "HOLIDAY", "calendar.kind.HOLIDAY",
            "WORKDAY", "calendar.kind.WORKDAY");

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
            // an argument that is a message key (a view, a status) is said in the reader's language too; one the message
            // formats as a number (a count, {0,number,integer}) grouped as the reader's language groups it (1,234,567),
            // any other number (an id, a year, a version) as written
            Format[] formats = parts.length == 1 ? new Format[0] : argumentFormats(parts[0], locale);
            Object[] args = new Object[parts.length - 1];
            for (int i = 0; i < args.length; i++) {
                String argument = parts[i + 1];
                args[i] = i < formats.length && formats[i] instanceof NumberFormat && NUMBER.matcher(argument).matches()
                        ? new BigDecimal(argument) : argument(argument, locale);
            }
            String message;
            try {
                message = messages.getMessage(parts[0], args.length == 0 ? null : args, null, locale);
            } catch (IllegalArgumentException notANumber) {
                return null; // a number's place holding no number (written before the message counted it): as written
            }
            // a message that wants arguments cannot be said without them; the key is the better clue then
            if (message != null && (args.length > 0 || !message.contains("{0"))) {
                return message;
            }
        }
        return null;
    }

    /** The formats of a message's arguments by their index ({0,number,integer}: a number's); none for a plain one. */
    private Format[] argumentFormats(String key, Locale locale) {
        // without arguments the message source answers the message as written, its arguments unfilled
        String pattern = messages.getMessage(key, null, null, locale);
        try {
            return pattern == null ? new Format[0] : new MessageFormat(pattern, locale).getFormatsByArgumentIndex();
        } catch (IllegalArgumentException notAPattern) {
            return new Format[0];
        }
    }

    /** A detail's argument in the reader's words: a key by its message, a list of keys (working days) each by its. */
    private String argument(String argument, Locale locale) {
        String[] items = argument.split(", ", -1);
        if (items.length > 1 && Arrays.stream(items).allMatch(i -> MESSAGE_KEY.matcher(i).matches())) {
            return Arrays.stream(items).map(i -> single(null, null, i, locale))
                    .reduce((a, b) -> messages.getMessage("audit.value.lineFields", new Object[] {a, b}, locale))
                    .orElse(argument);
        }
        return single(null, null, argument, locale);
    }

    /**
     * Record types whose fields are a rule and one of its parameters ({@code L1.window}, a change of the SOP policy), with
     * the key prefix that names the parameters: said as the rule and the parameter by its label, as the policy's pages
     * say a change ("L1 时限").
     */
    private static final Map<String, String> RULE_PARAMETER_KEYS = Map.of("SopPolicy", "policy.param");

    /** A field by its label where the bundle names it for the record type ({@code receivable.dueDate}) or for all. */
    private String field(String type, String field, Locale locale) {
        if (field == null) {
            return null;
        }
        String parameters = type == null ? null : RULE_PARAMETER_KEYS.get(type);
        int dot = field.indexOf('.');
        if (parameters != null && dot > 0) {
            String parameter = field.substring(dot + 1);
            return messages.getMessage("audit.field.ruleParameter", new Object[] {field.substring(0, dot),
                    messages.getMessage(parameters + "." + parameter, null, parameter, locale)}, locale);
        }
        for (String key : labelKeys(type, field)) {
            String label = messages.getMessage(key, null, null, locale);
            if (label != null && !label.contains("{0")) {
                return label;
            }
        }
        // a line's field without a label by its own name, not its path
        return field.substring(field.indexOf('.') + 1);
    }

    private String value(String type, String field, String value, Words words) {
        if (value == null) {
            return null;
        }
        Locale locale = words.locale();
        if (field == null && value.startsWith("{\"") && value.endsWith("}")) {
            // a creation as recorded since 2026-12-07: field by field, as the changes of an update read
            Map<String, Object> fields = created(value);
            if (fields != null) {
                return fields.entrySet().stream()
                        .map(f -> messages.getMessage("audit.value.field", new Object[] {field(type, f.getKey(), locale),
                                created(type, fields, f.getKey(), f.getValue(), words)}, locale))
                        .reduce((a, b) -> messages.getMessage("audit.value.fields", new Object[] {a, b}, locale))
                        .orElse("");
            }
        }
        if (field == null && value.startsWith("{") && value.endsWith("}")) {
            // a creation as recorded before: the map's text, its codes and moments said, the rest as written
            StringBuilder shown = new StringBuilder("{");
            String[] entries = MAP_ENTRY_START.split(value.substring(1, value.length() - 1));
            for (int i = 0; i < entries.length; i++) {
                int eq = entries[i].indexOf('=');
                shown.append(i == 0 ? "" : ", ").append(eq < 0 ? entries[i]
                        : entries[i].substring(0, eq + 1) + single(type, entries[i].substring(0, eq), entries[i].substring(eq + 1), locale));
            }
            return shown.append('}').toString();
        }
        return single(type, field, value, words);
    }

    /**
     * A creation's field in the reader's words: a value as an update's reads; lines (a quote's lines, an approval's
     * steps, recorded as objects) each in brackets, its fields by their labels as the record's are, one line after the
     * other ({@code [Product: …, Quantity: 2] [Product: …, Quantity: 1]}); {@code recorded}: the creation's fields.
     */
    private String created(String type, Map<String, Object> recorded, String field, Object value, Words words) {
        if (value instanceof List<?> items && !items.isEmpty() && items.stream().allMatch(Map.class::isInstance)) {
            return items.stream().map(item -> line(type, recorded, field, (Map<?, ?>) item, words))
                    .reduce((a, b) -> messages.getMessage("audit.value.lines", new Object[] {a, b}, words.locale()))
                    .orElse("");
        }
        if (value instanceof Map<?, ?> item) {
            return line(type, recorded, field, item, words);
        }
        return single(type, field, String.valueOf(value), words);
    }

    private String line(String type, Map<String, Object> recorded, String field, Map<?, ?> line, Words words) {
        Locale locale = words.locale();
        NamedLines named = NAMED_LINES.get(type + "." + field);
        if (named != null && line.size() == 2 && line.get("name") != null && line.containsKey("value")) {
            // a name and its value (an approval's fact): the name as its module's page says it, then the value, a code
            // by the labels its module names for it (a contract's risk HIGH as 高)
            String name = String.valueOf(line.get("name"));
            String value = String.valueOf(line.get("value"));
            String labels = CODE.matcher(value).matches() ? messages.getMessage(named.codeLabels() + "."
                    + recorded.get(named.kindField()) + "." + name, null, null, locale) : null;
            String said = labels == null ? null : messages.getMessage(labels + "." + value, null, null, locale);
            return messages.getMessage("audit.value.line", new Object[] {messages.getMessage("audit.value.field",
                    new Object[] {messages.getMessage(named.names() + "." + name, null, name, locale),
                            said != null ? said : single(type, field + ".value", value, words)}, locale)}, locale);
        }
        String fields = line.entrySet().stream()
                .map(f -> {
                    String path = field + "." + f.getKey();
                    return messages.getMessage("audit.value.field", new Object[] {field(type, path, locale),
                            single(type, path, String.valueOf(f.getValue()), words)}, locale);
                })
                .reduce((a, b) -> messages.getMessage("audit.value.lineFields", new Object[] {a, b}, locale))
                .orElse("");
        return messages.getMessage("audit.value.line", new Object[] {fields}, locale);
    }

    /** The name a deleted record held (its deletion's old value, a JSON object of its fields); null when none. */
    private static String heldName(String oldValue) {
        Map<String, Object> fields = oldValue != null && oldValue.startsWith("{\"") ? created(oldValue) : null;
        Object name = fields == null ? null : fields.get("name");
        return name instanceof String text && !text.isBlank() ? text : null;
    }

    /** A creation's fields as recorded (a JSON object); null when the text is not one (cut, or not JSON). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> created(String value) {
        try {
            return JSON.readValue(value, LinkedHashMap.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * One field's value in the reader's words: yes or no, a code by its label, a person by their name, an amount as
     * the pages write one; in a longer text (a list, a task) each code the bundle names for the field and each person.
     */
    private String single(String type, String field, String value, Words words) {
        Locale locale = words.locale();
        if (field != null && ("true".equals(value) || "false".equals(value))) {
            return messages.getMessage("audit.value." + value, null, value, locale);
        }
        if (words.named(value) != null) {
            return words.named(value);
        }
        String kinds = field == null ? null : KIND_KEYS.get(type + "." + field);
        if (kinds != null) {
            return messages.getMessage(kinds + "." + value, null, value, locale);
        }
        if (field != null && APPROVER_RULES.contains(type + "." + field)) {
            // a role's pool as the approval page says it (任一财务), a department's head, the submitter's manager in the
            // approval module's words; a person by their name (below)
            Matcher rule = APPROVER_RULE.matcher(value);
            StringBuilder rules = new StringBuilder();
            while (rule.find()) {
                String of = rule.group(2);
                Object argument = Character.isDigit(of.charAt(0)) ? (Object) Integer.valueOf(of)
                        : messages.getMessage("role." + of, null, of, locale);
                rule.appendReplacement(rules, Matcher.quoteReplacement(
                        messages.getMessage(APPROVER_RULE_KEYS.get(rule.group(1)), new Object[] {argument}, locale)));
            }
            value = USER_RULE.matcher(rule.appendTail(rules).toString()).replaceAll("");
        }
        Map<String, String> codeNamed = words.codes().get(codeKind(field));
        if (codeNamed != null) {
            // a region's code (310000) or a territory's codes (310000,330100) each by its name, text as entered as is
            Matcher m = CODE_TOKEN.matcher(value);
            StringBuilder shown = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(shown, Matcher.quoteReplacement(codeNamed.getOrDefault(m.group(), m.group())));
            }
            return m.appendTail(shown).toString();
        }
        if (field != null && AMOUNT.matcher(value).matches()) {
            return MoneyText.of(new BigDecimal(value));
        }
        String said = single(type, field, value, locale);
        if (type == null || field == null || CODE.matcher(value).matches() || MESSAGE_KEY.matcher(value).matches()) {
            return said;
        }
        Matcher codes = CODE_IN_TEXT.matcher(people(withoutLineIds(said, words), words));
        StringBuilder shown = new StringBuilder();
        while (codes.find()) {
            String label = code(type, field, codes.group(), locale);
            codes.appendReplacement(shown, Matcher.quoteReplacement(label == null ? codes.group() : label));
        }
        return codes.appendTail(shown).toString();
    }

    /**
     * A line's own id at the start of each of a list's lines, as a line that is no value writes itself (an approval's
     * tasks, {@code [<task id>:PENDING, <task id>:APPROVED (<person>)]}): the lines of an update without it, each by
     * what it holds ({@code [待审批, 已同意 (张三)]}); an id the page names (a person, a record) stays to be named.
     */
    private static final Pattern LINE_ID = Pattern.compile("(^\\[|, )(" + UUID_TEXT.pattern() + "):");

    private static String withoutLineIds(String text, Words words) {
        if (!text.startsWith("[")) {
            return text;
        }
        Matcher m = LINE_ID.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(shown, Matcher.quoteReplacement(words.named(m.group(2)) != null ? m.group() : m.group(1)));
        }
        return m.appendTail(shown).toString();
    }

    /** Every person and record the text names by id, by their name. */
    private static String people(String text, Words words) {
        Matcher m = UUID_TEXT.matcher(text);
        StringBuilder shown = new StringBuilder();
        while (m.find()) {
            String named = words.named(m.group());
            m.appendReplacement(shown, Matcher.quoteReplacement(named != null ? named : m.group()));
        }
        return m.appendTail(shown).toString();
    }

    private String single(String type, String field, String value, Locale locale) {
        if (type != null && field != null && CODE.matcher(value).matches()) {
            String label = code(type, field, value, locale);
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
