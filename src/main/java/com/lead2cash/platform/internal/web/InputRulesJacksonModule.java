package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.OwnDateRange;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateTimeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The input rules for every JSON request body: each text, each decimal number and each date is checked as it
 * is read, so a NUL character, an overlong text, an amount beyond the money columns or a date (or a date-time: an
 * instant, an offset, zoned or local date-time) outside the years a record can have is refused with the field's path before any module sees the request. Boot registers the module in the application's JSON mapper; it
 * checks only what the HTTP converter reads ({@link #CHECKED} is set on its reader), never JSON the
 * application stored itself.
 */
@Component
class InputRulesJacksonModule extends SimpleModule {

    /** Reader attribute: this is a request body, check it. */
    static final Object CHECKED = InputRulesJacksonModule.class;
    /**
     * Reader attribute: a list that collects the refused values (read as null) instead of refusing at the first
     * ({@link CollectingRequestBodies}).
     */
    static final Object COLLECTED = CollectingRequestBodies.class;

    InputRulesJacksonModule() {
        super("lead2cash-input-rules");
        addDeserializer(String.class, new CheckedText());
        addDeserializer(BigDecimal.class, new CheckedAmount());
        addDeserializer(LocalDate.class, new CheckedDate());
        addDeserializer(Instant.class, new CheckedInstant<>(Instant.class, InstantDeserializer.INSTANT,
                DateTimeFormatter.ISO_INSTANT, at -> at));
        addDeserializer(OffsetDateTime.class, new CheckedInstant<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::toInstant));
        addDeserializer(ZonedDateTime.class, new CheckedInstant<>(ZonedDateTime.class,
                InstantDeserializer.ZONED_DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME, ZonedDateTime::toInstant));
        addDeserializer(LocalDateTime.class, new CheckedDateTime());
    }

    static final class CheckedText extends StringDeserializer {

        /** The limit a refusal of a text past the general one names: the field's own ({@link OwnLength}), if it has one. */
        private final int limit;

        CheckedText() {
            this(InputRules.MAX_TEXT);
        }

        private CheckedText(int limit) {
            this.limit = limit;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            com.lead2cash.platform.OwnLength own = property == null ? null
                    : property.getAnnotation(com.lead2cash.platform.OwnLength.class);
            return own == null ? this : new CheckedText(Math.min(own.value(), InputRules.MAX_TEXT));
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            Optional<String> problem = InputRules.textProblem(text);
            return checked(p, ctxt, text, String.class, t -> problem,
                    problem.filter(InputRules.TOO_LONG::equals).isPresent() ? limit : InputRules.MAX_TEXT);
        }
    }

    static final class CheckedAmount extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            // as a screen's form reads an amount (FormValues.readDecimal): plain digits, never an exponent (1e3)
            boolean exponent = (p.currentToken() == tools.jackson.core.JsonToken.VALUE_NUMBER_FLOAT
                    || p.currentToken() == tools.jackson.core.JsonToken.VALUE_STRING)
                    && p.getString().chars().anyMatch(c -> c == 'e' || c == 'E');
            BigDecimal read = super.deserialize(p, ctxt);
            if (exponent) {
                return checked(p, ctxt, read, BigDecimal.class, amount -> Optional.of("error.input.amountExponent"));
            }
            return checked(p, ctxt, read, BigDecimal.class, InputRules::amountProblem,
                    InputRules.MONEY_PRECISION - InputRules.MONEY_SCALE, InputRules.MONEY_SCALE);
        }
    }

    /**
     * A date of a request body: written {@code yyyy-MM-dd} and nothing else. Jackson reads a date leniently — a
     * date-time ({@code 2027-01-01T20:00:00Z}) as its day, a number as days since 1970, an array as its parts — so a
     * client's date-time would be stored as a day it may not mean; such a value is refused as unreadable (400 naming
     * the field). Within the years a record can have unless the field judges its range itself ({@link OwnDateRange}).
     */
    static final class CheckedDate extends LocalDateDeserializer {

        /** A date written as a date: a year (four digits or more, signed when past 9999), a month and a day. */
        private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern.compile("[+-]?\\d{4,9}-\\d{2}-\\d{2}");

        /** Whether the date must lie within the years a record can have (not a field of {@link OwnDateRange}). */
        private final boolean ranged;

        CheckedDate() {
            super(DateTimeFormatter.ISO_LOCAL_DATE);
            this.ranged = true;
        }

        private CheckedDate(CheckedDate base, boolean ranged) {
            super(base, base._formatter);
            this.ranged = ranged;
        }

        private CheckedDate(LocalDateDeserializer base, DateTimeFormatter format) {
            super(base, format);
            this.ranged = !(base instanceof CheckedDate checked) || checked.ranged;
        }

        private CheckedDate(LocalDateDeserializer base, Boolean leniency) {
            super(base, leniency);
            this.ranged = !(base instanceof CheckedDate checked) || checked.ranged;
        }

        private CheckedDate(LocalDateDeserializer base, JsonFormat.Shape shape) {
            super(base, shape);
            this.ranged = !(base instanceof CheckedDate checked) || checked.ranged;
        }

        // a field's @JsonFormat makes a new deserializer: it stays a checked one
        @Override
        protected LocalDateDeserializer withDateFormat(DateTimeFormatter format) {
            return new CheckedDate(this, format);
        }

        @Override
        protected LocalDateDeserializer withLeniency(Boolean leniency) {
            return new CheckedDate(this, leniency);
        }

        @Override
        protected LocalDateDeserializer withShape(JsonFormat.Shape shape) {
            return new CheckedDate(this, shape);
        }

        // a field whose module judges its range itself (OwnDateRange) is read as a date, its range left to its rule
        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(ctxt, property);
            return ownRange(property) && contextual instanceof CheckedDate checked ? new CheckedDate(checked, false)
                    : contextual;
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (ctxt.getAttribute(CHECKED) != null && _formatter == DateTimeFormatter.ISO_LOCAL_DATE) {
                tools.jackson.core.JsonToken token = p.currentToken();
                if (token == tools.jackson.core.JsonToken.VALUE_STRING) {
                    String text = p.getString().trim();
                    if (!text.isEmpty() && !WRITTEN.matcher(text).matches()) {
                        return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                                "a date is written yyyy-MM-dd, without a time");
                    }
                } else if (token != tools.jackson.core.JsonToken.VALUE_NULL) {
                    return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
                }
            }
            LocalDate read = super.deserialize(p, ctxt);
            return ranged ? checked(p, ctxt, read, LocalDate.class, InputRules::dateProblem,
                    InputRules.FIRST_DATE, InputRules.LAST_DATE) : read;
        }
    }

    /**
     * A point in time (an instant, or a date-time with its offset or zone), within the same years as a date
     * ({@link InputRules#instantProblem}): a follow-up planned for 9999 is a typing error.
     */
    static final class CheckedInstant<T extends Temporal> extends InstantDeserializer<T> {

        private final Class<T> type;
        private final Function<T, Instant> instant;

        private final InstantDeserializer<T> base;

        CheckedInstant(Class<T> type, InstantDeserializer<T> base, DateTimeFormatter format, Function<T, Instant> instant) {
            super(base, format);
            this.type = type;
            this.instant = instant;
            this.base = base;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return ownRange(property) ? base.createContextual(ctxt, property) : super.createContextual(ctxt, property);
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            T read;
            try {
                read = super.deserialize(p, ctxt);
            } catch (tools.jackson.databind.exc.InvalidFormatException e) {
                // a readable date-time without its zone names no moment: refused input (422), not unreadable (400)
                if (ctxt.getAttribute(CHECKED) != null && e.getValue() instanceof String text && zoneless(text)) {
                    throw new RefusedInputException(p, type, "error.input.dateTimeWithoutZone");
                }
                throw e;
            }
            return checked(p, ctxt, read, type,
                    at -> at == null ? Optional.empty() : InputRules.instantProblem(instant.apply(at)),
                    InputRules.FIRST_DATE, InputRules.LAST_DATE);
        }
    }

    private static boolean zoneless(String text) {
        try {
            LocalDateTime.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /** A date-time without a zone, judged by the day it names, as a form's {@code datetime-local} field is. */
    static final class CheckedDateTime extends LocalDateTimeDeserializer {

        CheckedDateTime() {
            super(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return ownRange(property) ? LocalDateTimeDeserializer.INSTANCE.createContextual(ctxt, property)
                    : super.createContextual(ctxt, property);
        }

        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            return checked(p, ctxt, super.deserialize(p, ctxt), LocalDateTime.class,
                    at -> at == null ? Optional.empty() : InputRules.dateProblem(at.toLocalDate()),
                    InputRules.FIRST_DATE, InputRules.LAST_DATE);
        }
    }

    /** The field's module judges its date's range itself ({@link OwnDateRange}). */
    private static boolean ownRange(BeanProperty property) {
        return property != null && property.getAnnotation(OwnDateRange.class) != null;
    }

    /** The value as read; refused with {@code problem}'s key (and {@code args}) when a request body holds it. */
    private static <T> T checked(JsonParser p, DeserializationContext ctxt, T value, Class<T> type,
                                 Function<T, Optional<String>> problem, Object... args) {
        if (ctxt.getAttribute(CHECKED) != null) {
            Optional<String> refused = problem.apply(value);
            if (refused.isPresent()) {
                if (ctxt.getAttribute(COLLECTED) instanceof java.util.List<?> collected) {
                    @SuppressWarnings("unchecked")
                    var errors = (java.util.List<com.lead2cash.platform.FieldValidationException.FieldError>) collected;
                    errors.add(new com.lead2cash.platform.FieldValidationException.FieldError(path(p), refused.get(), args));
                    return null;
                }
                throw new RefusedInputException(p, type, refused.get(), args);
            }
        }
        return value;
    }

    /** The field being read, written as the API names fields ({@code contacts[0].phone}). */
    static String path(JsonParser p) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (tools.jackson.core.TokenStreamContext c = p.streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst("[" + c.getCurrentIndex() + "]");
            } else if (c.currentName() != null) {
                segments.addFirst(c.currentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append(path.isEmpty() || segment.startsWith("[") ? "" : ".").append(segment);
        }
        return path.toString();
    }

    /** The API's JSON converter, marking what it reads as a request body to check. */
    static final class CheckingConverter extends JacksonJsonHttpMessageConverter {

        /** The values the input rules refused in the body being read on this thread. */
        private static final ThreadLocal<java.util.List<com.lead2cash.platform.FieldValidationException.FieldError>>
                REFUSED = new ThreadLocal<>();

        CheckingConverter(JsonMapper mapper) {
            super(mapper);
        }

        /**
         * Every value of the body the input rules refuse is named at once (422 listing them all: a quantity and a
         * discount with too many places, two milestones' percents), not only the first: the refused values are
         * collected as the body is read ({@link #COLLECTED}) and answered together. A body that also cannot be
         * read past a refused value (a refused value read as null where null is not taken) answers the refusals
         * met before it, as the first of them was answered before; one unreadable before any refusal stays 400.
         * A handler taking {@code RefusedInput} gets them instead, to name them beside its own ({@link #handedToHandler}).
         */
        @Override
        public Object read(org.springframework.core.ResolvableType type, org.springframework.http.HttpInputMessage input,
                           java.util.Map<String, Object> hints) throws java.io.IOException {
            java.util.List<com.lead2cash.platform.FieldValidationException.FieldError> refused = new java.util.ArrayList<>();
            java.util.List<com.lead2cash.platform.FieldValidationException.FieldError> outer = REFUSED.get();
            REFUSED.set(refused);
            Object body;
            try {
                body = super.read(type, input, hints);
            } catch (org.springframework.http.converter.HttpMessageNotReadableException e) {
                if (refused.isEmpty()) {
                    throw e;
                }
                if (e.getCause() instanceof RefusedInputException last) {
                    refused.add(new com.lead2cash.platform.FieldValidationException.FieldError(
                            ApiExceptionHandler.path(last), last.messageKey(), last.args()));
                }
                throw new com.lead2cash.platform.FieldValidationException(refused);
            } finally {
                if (outer == null) {
                    REFUSED.remove();
                } else {
                    REFUSED.set(outer);
                }
            }
            if (!refused.isEmpty() && !handedToHandler(refused)) {
                throw new com.lead2cash.platform.FieldValidationException(refused);
            }
            return body;
        }

        /**
         * A request body is checked, and holds only the fields its document lists ({@code additionalProperties:
         * false}): a field the API does not know — a typo, a field of another request — is refused naming it rather
         * than ignored, which answered as if the field had been left out. An {@code Optional} field left out reads
         * as null, sent as null as {@code Optional.empty()}: a correction can tell "keep" from "clear"
         * (docs/decisions/0030).
         */
        @Override
        protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
            ObjectReader checked = super.customizeReader(reader, javaType);
            java.util.List<com.lead2cash.platform.FieldValidationException.FieldError> collecting = REFUSED.get();
            if (collecting != null) {
                checked = checked.withAttribute(COLLECTED, collecting);
            }
            if (javaType.isTypeOrSubTypeOf(tools.jackson.databind.JsonNode.class)) {
                // a body read as a tree first (a website's lead) keeps each number as written, so that the input
                // rules check it as the typed body's: 1e400 an amount too large, not an infinite double unread
                checked = checked.with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            }
            return checked.withAttribute(CHECKED, Boolean.TRUE)
                    .with(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(tools.jackson.databind.DeserializationFeature.USE_NULL_FOR_MISSING_REFERENCE_VALUES)
                    .withHandler(new CurrencyOfMoney());
        }

        /**
         * Whether the body's handler takes {@link com.lead2cash.platform.web.RefusedInput} to name the values the
         * input rules refused in it (read as null) with its own refusals: they are handed to it then
         * ({@link #BODY_REFUSED}), not answered here.
         */
        private static boolean handedToHandler(
                java.util.List<com.lead2cash.platform.FieldValidationException.FieldError> refused) {
            if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                    instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
                return false;
            }
            jakarta.servlet.http.HttpServletRequest request = attributes.getRequest();
            if (!(request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
                    instanceof org.springframework.web.method.HandlerMethod handler)
                    || java.util.Arrays.stream(handler.getMethodParameters())
                    .noneMatch(p -> p.getParameterType() == com.lead2cash.platform.web.RefusedInput.class)) {
                return false;
            }
            request.setAttribute(BODY_REFUSED, refused);
            return true;
        }
    }

    /** The request attribute holding what the input rules refused in a collected body ({@link CheckingConverter}). */
    static final String BODY_REFUSED = InputRulesJacksonModule.class.getName() + ".bodyRefused";

    /**
     * Money is written with its {@code currency} (SPEC §6: default {@code CNY}), and the answers carry it: a request
     * may say it too, at the body's top level (the document lists it on the bodies that carry money:
     * {@code MoneyCurrency}). Every amount the product keeps is in yuan, so {@code CNY} is read as said and passed
     * over; another currency is refused (422 naming the field) — never converted or stored as yuan.
     */
    static final class CurrencyOfMoney extends tools.jackson.databind.deser.DeserializationProblemHandler {

        static final String CURRENCY = "CNY";

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                             tools.jackson.databind.ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            tools.jackson.core.TokenStreamContext object = p.streamReadContext();
            if (!"currency".equals(propertyName) || object == null || object.getParent() == null
                    || !object.getParent().inRoot()) {
                return false;
            }
            // null says no more than leaving it out
            if (p.currentToken() == tools.jackson.core.JsonToken.VALUE_NULL
                    || p.currentToken() == tools.jackson.core.JsonToken.VALUE_STRING && CURRENCY.equals(p.getString())) {
                return true;
            }
            RefusedInputException refused = new RefusedInputException(p, String.class, "error.input.currency", CURRENCY);
            // the reader names the field of a value it refuses, not of one a handler refuses: named here
            refused.prependPath(beanOrClass, propertyName);
            throw refused;
        }
    }
}
