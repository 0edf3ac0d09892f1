package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.OwnDateRange;
import com.lead2cash.platform.web.RefusedInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The input rules for query parameters and form fields (URL-encoded and multipart): a control character,
 * an overlong value (a search text {@code q} longer than {@link InputRules#MAX_SEARCH}), a date or a date-time (a
 * {@code datetime-local} field, an instant) or a parameter read as a month outside the years a record can have, or a parameter
 * read as a decimal that does not fit the money columns is refused (422 naming the parameter; a page shows the
 * refusal) before the controller binds anything — or, for a form handler that takes {@link RefusedInput}, handed to
 * it to show on its form. A query parameter whose document lists its allowed values
 * ({@code @Parameter(schema = @Schema(allowableValues = …))}) takes only those: the API document is the truth,
 * and an unknown value is refused (400 listing them, as an unknown enum value is) rather than silently read as the
 * default.
 * <p>
 * First of all, an API parameter the operation takes as one value ({@code grade}, {@code status}, {@code size},
 * {@code cursor}, …), given more than once ({@code ?grade=A&grade=C}), is refused: 400 on that parameter
 * ({@code error.parameter.repeated}). Spring would read the first value for most types and join the values with a
 * comma for a text, so the client was answered for a question it did not ask. A parameter the operation takes as a
 * list or an array (declared an array in the API document) stays repeatable, and so does any on a screen.
 */
class RequestParameterGuard implements HandlerInterceptor {

    /** The request attribute a form handler's {@link RefusedInput} is read from. */
    static final String REFUSED = RefusedInput.class.getName();

    /** What each handler's parameters declare, read once. */
    private final Map<java.lang.reflect.Method, Declared> declared = new ConcurrentHashMap<>();

    /**
     * What a handler's parameters declare of the rules: the names it reads as one value, the lengths documented as
     * their own, the form fields whose date range their module judges, and whether it shows refusals on its form.
     */
    private record Declared(Set<String> singleValued, Map<String, Integer> ownLimits, Set<String> ownRange,
                            boolean onItsForm) {

        static Declared of(HandlerMethod method) {
            return new Declared(RequestParameterGuard.singleValued(method), ownLengthLimits(method), ownDateRanges(method),
                    showsOnItsForm(method));
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Declared declares = declared.computeIfAbsent(method.getMethod(), m -> Declared.of(method));
        if (ProgramCalls.api(request)) {
            refuseRepeated(request, declares.singleValued());
        }
        boolean onItsForm = declares.onItsForm();
        Set<String> ownRange = declares.ownRange();
        List<FieldValidationException> refused = new ArrayList<>();
        Map<String, Integer> ownLimits = declares.ownLimits();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            InputRules.textProblem(name).ifPresent(key -> {
                throw new FieldValidationException("parameter", key, InputRules.MAX_TEXT);
            });
            // a parameter with a limit of its own (a search text's 200) is refused naming it, however long the value
            int limit = isSearchText(name) ? InputRules.MAX_SEARCH : ownLimits.getOrDefault(name, InputRules.MAX_TEXT);
            for (String value : parameter.getValue()) {
                boolean readable = InputRules.textProblem(value).isEmpty();
                InputRules.fieldProblem(name, value, limit).ifPresent(error -> {
                    if (!readable || isSearchText(name)) {
                        refused.add(new FieldValidationException(List.of(error)));
                    }
                });
                if (!ownRange.contains(name)) {
                    InputRules.dateTextProblem(value).ifPresent(key -> refused.add(
                            new FieldValidationException(name, key, InputRules.FIRST_DATE, InputRules.LAST_DATE)));
                }
            }
        }
        refuseAtOnce(refused, onItsForm);
        for (MethodParameter parameter : method.getMethodParameters()) {
            checkAllowedValues(request, parameter);
            checkAmount(request, parameter, refused);
            checkMonth(request, parameter, refused);
        }
        refuseAtOnce(refused, onItsForm);
        if (refused.isEmpty()) {
            return true;
        }
        // the form handler throws them inside its own error handling: beside their fields, nothing typed lost
        request.setAttribute(REFUSED, new RefusedInput(refused.stream().flatMap(e -> e.errors().stream()).toList()));
        return true;
    }

    private static void refuseRepeated(HttpServletRequest request, Set<String> single) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1 && single.contains(parameter.getKey())) {
                throw new BadRequestException(parameter.getKey(), "error.parameter.repeated", parameter.getKey());
            }
        }
    }

    /** The names of the handler's request parameters that it reads as one value. */
    private static Set<String> singleValued(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            String name = param == null ? null : nameOf(param, parameter);
            if (name != null && !name.isEmpty() && takesOneValue(parameter.getParameterType())) {
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }

    private static boolean takesOneValue(Class<?> type) {
        return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && !MultipartFile.class.isAssignableFrom(type) && !Part.class.isAssignableFrom(type);
    }

    /**
     * The length each of the handler's parameters documents as its own ({@code @Parameter(schema = @Schema(maxLength
     * = …))}), below the general limit: a value past the general limit is refused naming this one.
     */
    private static Map<String, Integer> ownLengthLimits(HandlerMethod method) {
        Map<String, Integer> limits = new HashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            io.swagger.v3.oas.annotations.Parameter documented =
                    parameter.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (documented != null && param != null && documented.schema().maxLength() > 0
                    && documented.schema().maxLength() < InputRules.MAX_TEXT) {
                String name = nameOf(param, parameter);
                if (name != null) {
                    limits.put(name, documented.schema().maxLength());
                }
            }
        }
        return Map.copyOf(limits);
    }

    /** The first refusal, at once (the error page or the API's 422), unless the handler shows them on its form. */
    private static void refuseAtOnce(List<FieldValidationException> refused, boolean onItsForm) {
        if (!refused.isEmpty() && !onItsForm) {
            throw refused.get(0);
        }
    }

    /**
     * The fields of the handler's forms whose module judges their date's range itself ({@link OwnDateRange}): their
     * refusal names that range, not the years any record can have.
     */
    private static Set<String> ownDateRanges(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (!type.isPrimitive() && !type.isArray() && type.getName().startsWith("com.lead2cash.")) {
                Arrays.stream(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(OwnDateRange.class))
                        .map(java.lang.reflect.Field::getName).forEach(names::add);
            }
        }
        return Set.copyOf(names);
    }

    /** A handler that takes {@link RefusedInput} shows the refusals on its form itself. */
    private static boolean showsOnItsForm(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.getParameterType() == RefusedInput.class);
    }

    /** Every list's search text is {@code q} (a region picker's {@code picker.q}). */
    private static boolean isSearchText(String name) {
        return name.equals("q") || name.endsWith(".q");
    }

    /** A parameter the controller reads as a decimal is an amount: the money columns' rule, as in a JSON body. */
    private static void checkAmount(HttpServletRequest request, MethodParameter parameter,
                                    List<FieldValidationException> refused) {
        checkRead(request, parameter, BigDecimal.class, BigDecimal::new, (name, amount) ->
                InputRules.amountProblem(name, amount).ifPresent(e -> refused.add(new FieldValidationException(List.of(e)))));
    }

    /** A parameter the controller reads as a month (a forecast's first month) lies in the years a date may. */
    private static void checkMonth(HttpServletRequest request, MethodParameter parameter,
                                   List<FieldValidationException> refused) {
        checkRead(request, parameter, YearMonth.class, YearMonth::parse, (name, month) ->
                InputRules.dateProblem(month.atDay(1)).or(() -> InputRules.dateProblem(month.atEndOfMonth()))
                        .ifPresent(key -> refused.add(new FieldValidationException(name, key, InputRules.FIRST_DATE,
                                InputRules.LAST_DATE))));
    }

    /**
     * Each value of a {@code @RequestParam} the controller reads as {@code type}, read as it will be and handed to
     * {@code check}; a value that does not read is left to the binding, which answers it (400).
     */
    private static <T> void checkRead(HttpServletRequest request, MethodParameter parameter, Class<T> type,
                                      Function<String, T> read, BiConsumer<String, T> check) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param == null || parameter.getNestedParameterType() != type) {
            return;
        }
        String name = nameOf(param, parameter);
        String[] values = name == null ? null : request.getParameterValues(name);
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            T parsed;
            try {
                parsed = read.apply(value.strip());
            } catch (NumberFormatException | DateTimeParseException e) {
                continue;
            }
            check.accept(name, parsed);
        }
    }

    /** The name a {@code @RequestParam} is read by: its own, or the Java parameter's. */
    static String nameOf(RequestParam param, MethodParameter parameter) {
        return !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                : parameter.getParameterName();
    }

    private static void checkAllowedValues(HttpServletRequest request, MethodParameter parameter) {
        io.swagger.v3.oas.annotations.Parameter documented =
                parameter.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (documented == null || param == null || documented.schema().allowableValues().length == 0) {
            return;
        }
        String name = nameOf(param, parameter);
        String[] values = name == null ? null : request.getParameterValues(name);
        if (values == null) {
            return;
        }
        String[] allowed = documented.schema().allowableValues();
        for (String value : values) {
            if (!value.isEmpty() && !Arrays.asList(allowed).contains(value)) {
                // an unknown choice cannot be read, as an unknown enum value bound by Spring (400)
                throw new BadRequestException(name, "error.badEnum", name, String.join(", ", allowed));
            }
        }
    }
}
