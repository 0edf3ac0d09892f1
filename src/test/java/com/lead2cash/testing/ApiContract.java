package com.lead2cash.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API contract as a check on every MockMvc exchange: each {@code /api/**} response must match the
 * document the same application serves at {@code /v3/api-docs} (status declared, content type, body
 * schema), and each request the API accepted (2xx) must match it too. A mismatch fails the test.
 *
 * <p>Requests the API refused (4xx) are not checked against the document: tests send invalid input on
 * purpose to prove the refusal, and the refusal's response is checked instead.
 */
public class ApiContract implements ResultMatcher {

    private final Supplier<WebApplicationContext> context;
    private volatile OpenApiInteractionValidator validator;

    ApiContract(Supplier<WebApplicationContext> context) {
        this.context = context;
    }

    @Override
    public void match(MvcResult result) {
        MockHttpServletRequest request = result.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // OPTIONS (a browser's preflight) is the server's answer about a route, no operation the document describes
        if (!path.startsWith("/api/") || "OPTIONS".equals(request.getMethod())) {
            return;
        }
        int status = result.getResponse().getStatus();
        Request.Method method = Request.Method.valueOf(request.getMethod());
        ValidationReport report = validator().validateResponse(path, method, MockMvcResponse.of(result.getResponse()));
        if (status >= 200 && status < 300) {
            report = report.merge(validator().validateRequest(MockMvcRequest.of(request)));
        }
        if (report.hasErrors() && !((status == 401 || status == 404 || status == 405) && unknownRoute(report))
                && !(status == 405 && wrongMethodOfALiteralPath(path, request.getMethod()))) {
            throw new AssertionError("The API exchange does not match the API document (/v3/api-docs): "
                    + request.getMethod() + " " + path + " -> " + status + "\n"
                    + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nresponse body: " + new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The document does not know the route or its method: right for the 404 / 405 the API answers to routes
     * that do not exist, and the 401 asked of an anonymous caller first (a 2xx on such a route is still a mismatch).
     */
    private static boolean unknownRoute(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .allMatch(m -> m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    /**
     * A route of its own, word for word, that the document gives other methods ({@code GET /api/v1/leads/imports},
     * only posted): its 405 is right, though the validator matches the address to the variable route beside it
     * ({@code GET /api/v1/leads/{id}}), which declares no 405.
     */
    private boolean wrongMethodOfALiteralPath(String path, String method) {
        validator();
        java.util.Set<String> methods = operations.get(path);
        return methods != null && !methods.contains(method.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The document served by this application, read once per API surface in this JVM: every test class starts a
     * context of its own, and springdoc took 2–6 s per context to build the same document again (a test JVM
     * starts about 60). Contexts whose API handler methods differ (a test that switches a controller off) each
     * read their own.
     */
    public OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator v = validator;
        if (v == null) {
            synchronized (this) {
                if (validator == null) {
                    Surface read = BY_API_SURFACE.computeIfAbsent(apiSurface(context.get()), surface -> {
                        String document = document();
                        return new Surface(OpenApiInteractionValidator.createForInlineApiSpecification(document).build(),
                                operations(document));
                    });
                    operations = read.operations();
                    validator = read.validator();
                }
                v = validator;
            }
        }
        return v;
    }

    private volatile java.util.Map<String, java.util.Set<String>> operations;

    /** One API surface's document: its validator, and the methods (lower case) of each of its paths. */
    private record Surface(OpenApiInteractionValidator validator, java.util.Map<String, java.util.Set<String>> operations) {
    }

    private static java.util.Map<String, java.util.Set<String>> operations(String document) {
        java.util.Map<String, java.util.Set<String>> operations = new java.util.HashMap<>();
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(document).get("paths").properties()
                .forEach(path -> operations.put(path.getKey(), java.util.Set.copyOf(path.getValue().propertyNames())));
        return operations;
    }

    private static final java.util.Map<String, Surface> BY_API_SURFACE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every handler method of the application with the requests it maps, in one string. */
    static String apiSurface(WebApplicationContext context) {
        return context.getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .map(entry -> entry.getKey() + " -> " + entry.getValue())
                .sorted()
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    public String document() {
        try {
            // a bare MockMvc on the same application: the document's exchange is not printed with a failing test's
            return MockMvcBuilders.webAppContextSetup(context.get()).build().perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("The API document could not be read", e);
        }
    }
}
