package com.lead2cash.platform.internal.web;

import com.fasterxml.jackson.annotation.Nulls;
import com.lead2cash.platform.web.FormValues;
import com.lead2cash.platform.web.RefusedInput;
import java.math.BigDecimal;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts the input rules in front of every controller: request parameters and JSON bodies alike. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    InputConfiguration(JsonMapper json) {
        this.json = json;
    }

    /**
     * An amount bound to a form's object reads as a field read by {@link FormValues#decimal} does: 1,200,000.00
     * and full-width digits are amounts, not "a value that cannot be read"; shown back in a field as plain digits.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(BigDecimal.class, new Formatter<BigDecimal>() {
            @Override
            public BigDecimal parse(String text, Locale locale) throws ParseException {
                return FormValues.readDecimal(text).orElseThrow(() -> new ParseException(text, 0));
            }

            @Override
            public String print(BigDecimal amount, Locale locale) {
                return amount.toPlainString();
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestParameterGuard()).order(10);
        registry.addInterceptor(new PageVersionGuard()).order(11);
        registry.addInterceptor(new ContentEncodingGuard()).order(8);
        registry.addInterceptor(new AcceptGuard()).order(9);
    }

    /**
     * A handler's {@link RefusedInput}: what the guard refused in its fields, or none — and, for a JSON body read
     * before it (a parameter after the body), the values the input rules refused in the body, collected instead of
     * answered 422 at the first, so the handler names them with its own refusals.
     */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == RefusedInput.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Object refused = request.getAttribute(RequestParameterGuard.REFUSED, RequestAttributes.SCOPE_REQUEST);
                RefusedInput fields = refused instanceof RefusedInput input ? input : RefusedInput.NONE;
                if (!(request.getAttribute(InputRulesJacksonModule.BODY_REFUSED, RequestAttributes.SCOPE_REQUEST)
                        instanceof List<?> body) || body.isEmpty()) {
                    return fields;
                }
                List<com.lead2cash.platform.FieldValidationException.FieldError> all = new java.util.ArrayList<>(fields.errors());
                body.forEach(e -> all.add((com.lead2cash.platform.FieldValidationException.FieldError) e));
                return new RefusedInput(all);
            }
        });
    }

    /**
     * Runs after Boot's own configuration (which sets Boot's JSON converter), so this converter is the one used.
     * A request body's lists and maps may not hold null ({@code "changes":[null]}): refused as unreadable (400)
     * with the element's path, where every controller would otherwise meet a null it never expects. An answer's
     * decimals are written with two places at least ({@link TwoPlacesDecimals}: money, SPEC §6). An object that
     * names a field twice ({@code {"name":"X","name":"Y"}}) is refused as unreadable, not read as its last value.
     * <p>
     * The API reads and writes JSON only: Spring adds a converter for every format whose library is on the class
     * path, and Jackson 2's YAML (there for springdoc's swagger-core) read {@code application/yaml} bodies past
     * the input rules and answered {@code Accept: application/yaml}. Such converters are taken out: a body of
     * another type is 415, an answer asked for in another type 406 (docs/decisions/0014).
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        JsonMapper requestBodies = json.rebuild()
                .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(TwoPlacesDecimals.module()).build();
        builder.withJsonConverter(new InputRulesJacksonModule.CheckingConverter(requestBodies))
                .configureMessageConvertersList(converters -> converters.removeIf(InputConfiguration::otherFormat));
    }

    /** The data formats besides JSON a converter may be registered for; the API speaks none of them. */
    private static final List<org.springframework.http.MediaType> OTHER_FORMATS = List.of(
            org.springframework.http.MediaType.APPLICATION_YAML, org.springframework.http.MediaType.APPLICATION_XML,
            org.springframework.http.MediaType.TEXT_XML, org.springframework.http.MediaType.APPLICATION_CBOR,
            org.springframework.http.MediaType.parseMediaType("application/x-jackson-smile"));

    /** Whether the converter reads or writes objects as a data format other than JSON (YAML, XML, CBOR, Smile). */
    static boolean otherFormat(org.springframework.http.converter.HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> OTHER_FORMATS.stream().anyMatch(type::equalsTypeAndSubtype));
    }
}
