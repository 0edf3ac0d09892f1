package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.lead2cash.testing.ApiContract;
import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The API document is the contract: it declares how callers authenticate and how each operation can
 * refuse, and the contract check that runs over every API test really fails an exchange the document
 * does not describe.
 */
@IntegrationTest
@Import(ApiDocumentTest.WrongShapes.class)
class ApiDocumentTest {

    /** A deliberately wrong endpoint: it promises a {@code Promised} and answers something else. */
    @TestConfiguration
    static class WrongShapes {

        record Promised(UUID id, long version) {
        }

        @RestController
        static class Wrong {

            @Operation(summary = "Promises one shape, answers another")
            @GetMapping("/api/v1/contract-check/wrong")
            @ApiResponse(responseCode = "200", description = "OK",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Promised.class)))
            Object wrong() {
                return Map.of("id", "not-a-uuid", "version", "three", "surprise", true);
            }

            @Operation(summary = "Answers what it promises")
            @GetMapping("/api/v1/contract-check/right")
            @ApiResponse(responseCode = "200", description = "OK",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = Promised.class)))
            Object right() {
                return new Promised(UUID.fromString("01890f2e-0000-7000-8000-000000000001"), 3);
            }
        }
    }

    private static final String PATH_VARIABLE = "\\{[^}]+}";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired ApiContract contract;

    private String admin;
    private JsonNode document;

    @BeforeEach
    void setUp() {
        admin = "Bearer " + fixtures.token(mvc, "admin");
        document = fixtures.mapper().readTree(contract.document());
    }

    @Test
    void aResponseThatBreaksTheDocumentFailsTheTestThatMadeIt() {
        assertThat(mvc.get().uri("/api/v1/contract-check/right").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatusOk();
        assertThatThrownBy(() -> mvc.get().uri("/api/v1/contract-check/wrong").header(HttpHeaders.AUTHORIZATION, admin)
                .exchange())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match the API document")
                .hasMessageContaining("/api/v1/contract-check/wrong")
                .hasMessageContaining("surprise")
                .hasMessageContaining("uuid")
                .hasMessageContaining("integer");
    }

    @Test
    void theValidatorChecksStatusesTypesAndUndeclaredFieldsOfRealOperations() {
        var validator = contract.validator();
        ValidationReport undeclaredStatus = validator.validateResponse("/api/v1/me", Request.Method.GET,
                SimpleResponse.Builder.status(409).withContentType("application/problem+json").withBody("{}").build());
        assertThat(messages(undeclaredStatus)).anyMatch(m -> m.contains("409"));
        ValidationReport wrongBody = validator.validateResponse("/api/v1/me", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody("""
                        {"id":"x","username":7,"displayName":null,"roles":["KING"],"orgUnitId":null,"nickname":"y"}
                        """).build());
        assertThat(messages(wrongBody)).anyMatch(m -> m.contains("uuid")).anyMatch(m -> m.contains("integer"))
                .anyMatch(m -> m.contains("KING")).anyMatch(m -> m.contains("nickname"));
        ValidationReport problem = validator.validateResponse("/api/v1/users/" + UUID.randomUUID(), Request.Method.GET,
                SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                        .withBody("{\"title\":\"Not Found\",\"status\":\"404\"}").build());
        assertThat(messages(problem)).anyMatch(m -> m.contains("integer")).anyMatch(m -> m.contains("code"));
    }

    @Test
    void everySearchTextSaysItsLongestLengthAsTheGuardEnforcesIt() {
        java.util.Map<String, Integer> lengths = new java.util.TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode parameters = operation.getValue().get("parameters");
            if (parameters != null) {
                parameters.valueStream().filter(p -> "q".equals(p.get("name").asString())
                                && "query".equals(p.get("in").asString()))
                        .forEach(p -> lengths.put(path.getKey(), p.at("/schema/maxLength").asInt(-1)));
            }
        }));
        assertThat(lengths).containsKeys("/api/v1/leads", "/api/v1/customers", "/api/v1/contracts");
        assertThat(lengths).containsEntry("/api/v1/contracts", com.lead2cash.contract.internal.ContractQueries.MAX_SEARCH);
        lengths.remove("/api/v1/contracts");
        assertThat(lengths.values()).containsOnly(com.lead2cash.platform.InputRules.MAX_SEARCH);
    }

    /**
     * Every longest length a request field declares is the one the server holds it to, and no field declares one it is
     * not held to: springdoc gave every optional String parameter (a list's cursor, an acceptance's remarks…) one
     * schema object, and the search text's length set on it was declared for them all — remarks said 200 while 500
     * were taken.
     */
    @Test
    void everyDeclaredLongestLengthOfARequestFieldIsTheServersLimit() {
        java.util.Map<String, Integer> declared = new java.util.TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String at = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " ";
            JsonNode parameters = operation.getValue().get("parameters");
            if (parameters != null) {
                parameters.valueStream().filter(p -> p.at("/schema/maxLength").isNumber())
                        .forEach(p -> declared.put(at + p.get("name").asString(), p.at("/schema/maxLength").asInt()));
            }
            JsonNode content = operation.getValue().at("/requestBody/content");
            if (content.isObject()) {
                content.properties().forEach(type -> lengths(at, type.getValue().get("schema"), declared));
            }
        }));
        document.at("/components/schemas").properties()
                .forEach(schema -> lengths(schema.getKey() + " ", schema.getValue(), declared));

        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        declared.keySet().stream().filter(field -> field.startsWith("GET ") && field.endsWith(" q"))
                .forEach(field -> expected.put(field, com.lead2cash.platform.InputRules.MAX_SEARCH));
        expected.put("GET /api/v1/contracts q", com.lead2cash.contract.internal.ContractQueries.MAX_SEARCH);
        for (String field : new String[] {"signedBy", "quantity", "quality", "remarks"}) {
            expected.put("POST /api/v1/orders/{id}/acceptance " + field, com.lead2cash.order.internal.OrderService.MAX_TEXT);
        }
        assertThat(declared).containsKey("GET /api/v1/leads q").isEqualTo(expected);
    }

    /** The longest lengths a schema's properties declare, inner objects and list items too, under {@code at}. */
    private static void lengths(String at, JsonNode schema, java.util.Map<String, Integer> declared) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.properties().forEach(property -> {
                if (property.getValue().get("maxLength") != null) {
                    declared.put(at + property.getKey(), property.getValue().get("maxLength").asInt());
                }
                lengths(at + property.getKey() + ".", property.getValue(), declared);
            });
        }
        lengths(at, schema.get("items"), declared);
    }

    @Test
    void bearerTokensSecureTheApiExceptTheTokenCallAndTheWebToLeadEndpointTakesAnApiKey() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/apiKey/in").asString()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("X-Api-Key");

        assertThat(operation("/api/v1/auth/token", "post").has("security")).isFalse();
        assertThat(responses("/api/v1/auth/token", "post")).contains("401").doesNotContain("403", "404");
        assertThat(operation("/api/v1/public/leads", "post").at("/security/0").has("apiKey")).isTrue();
        assertThat(responses("/api/v1/public/leads", "post")).contains("200", "201", "401", "422", "429");
        assertThat(operation("/api/v1/me", "get").at("/security/0").has("bearer")).isTrue();
        List<String> unsecured = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getValue().has("security")) {
                unsecured.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        // the follow-up calendar feed is a capability URL: its secret path is the credential (calendar apps send no header)
        assertThat(unsecured).containsExactlyInAnyOrder("POST /api/v1/auth/token", "DELETE /api/v1/auth/token",
                "GET /api/v1/public/customer-follow-ups/{secret}.ics");
    }

    @Test
    void theDocumentIsServedAsYamlThoughTheApiItselfSpeaksJsonOnly() {
        var yaml = mvc.get().uri("/v3/api-docs.yaml").cookie(fixtures.session(mvc, "admin", Fixtures.ADMIN_PASSWORD))
                .exchange();
        assertThat(yaml).hasStatusOk().bodyText().startsWith("openapi: ").contains("/api/v1/me:");
    }

    @Test
    void refusalsAreDeclaredWhereTheCodeCanAnswerThem() {
        // secured and nothing else to refuse: no token or a wrong one (429 once the address sent too many)
        assertThat(responses("/api/v1/me", "get")).containsExactlyInAnyOrder("200", "401", "406", "429");
        // an id in the path, a versioned body (which may be too large, or of another type), a role restriction
        assertThat(responses("/api/v1/users/{id}", "put"))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "406", "409", "413", "415", "422", "428", "429");
        // a role restriction from the URL rules of the security configuration, not an annotation
        assertThat(responses("/api/v1/org-units", "get")).contains("403");
        // a list with a cursor can refuse the cursor; anyone signed in may read deadlines
        assertThat(responses("/api/v1/deadlines", "get")).contains("422").doesNotContain("403", "404", "409");
        // a lost race, declared on the method
        assertThat(responses("/api/v1/leads/{id}/claim", "post")).contains("200", "202", "409");
        // the same file imported again by the same person: 409 naming the earlier import, on the lead and customer imports
        assertThat(responses("/api/v1/leads/imports", "post"))
                .containsExactlyInAnyOrder("202", "400", "401", "403", "406", "409", "413", "415", "422", "429");
        assertThat(responses("/api/v1/customers/imports", "post"))
                .containsExactlyInAnyOrder("202", "400", "401", "403", "406", "409", "413", "415", "422", "429");
        // the screens' administration over the API (SPEC §6): the group robots' change and test, a lost reason's change
        assertThat(responses("/api/v1/robots/{id}", "put"))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "406", "409", "413", "415", "422", "428", "429");
        assertThat(responses("/api/v1/robots/{id}/test", "post"))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "406", "422", "429");
        assertThat(responses("/api/v1/opportunity-lost-reasons/{code}", "put"))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "406", "409", "413", "415", "422", "428", "429");
        assertThat(responses("/api/v1/opportunity-lost-reasons", "post"))
                .containsExactlyInAnyOrder("201", "400", "401", "403", "406", "413", "415", "422", "429");
        // open, and nothing to refuse: revoking the token one holds (or none)
        assertThat(responses("/api/v1/auth/token", "delete")).containsExactly("204");
        JsonNode refusal = operation("/api/v1/users/{id}", "put").at("/responses/409");
        assertThat(refusal.get("$ref").asString()).isEqualTo("#/components/responses/Conflict");
        assertThat(document.at("/components/responses/Conflict/content").has("application/problem+json")).isTrue();
        assertThat(document.at("/components/schemas/FieldError/properties").has("allowedValues")).isTrue();
    }

    /**
     * docs/decisions/0014: a version, wherever an operation takes it (a JSON or form field, a query parameter,
     * If-Match), may be stale (409); the document says of each whether it is required, and where it is, 428.
     */
    @Test
    void everyOperationThatTakesAVersionDeclares409AndSaysWhetherItIsRequired() {
        List<String> problems = new ArrayList<>();
        Set<String> required = new java.util.TreeSet<>();
        Set<String> optional = new java.util.TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String call = op.getKey() + " " + path.getKey();
            List<JsonNode> versions = new ArrayList<>();
            boolean ifMatch = false;
            for (JsonNode parameter : op.getValue().path("parameters")) {
                // a version in the path (a policy version) names what is read: no guard
                if ("version".equals(parameter.path("name").asString()) && "query".equals(parameter.path("in").asString())) {
                    versions.add(parameter);
                }
                ifMatch |= "If-Match".equalsIgnoreCase(parameter.path("name").asString());
            }
            op.getValue().path("requestBody").path("content").forEach(media -> {
                JsonNode schema = resolved(media.path("schema"));
                if (schema.path("properties").has("version")) {
                    versions.add(schema.path("properties").path("version"));
                }
            });
            if (versions.isEmpty() && !ifMatch) {
                return;
            }
            Set<String> codes = new java.util.HashSet<>();
            op.getValue().path("responses").propertyNames().forEach(codes::add);
            if (!codes.contains("409")) {
                problems.add(call + " takes a version but does not declare 409");
            }
            for (JsonNode version : versions) {
                String description = version.path("description").asString("");
                if (description.startsWith("Required")) {
                    required.add(call);
                } else if (description.startsWith("Optional")) {
                    optional.add(call);
                } else {
                    problems.add(call + ": its version does not say whether it is required: " + description);
                }
            }
            if (required.contains(call) != codes.contains("428")) {
                problems.add(call + (codes.contains("428") ? " declares 428 for an optional version"
                        : " requires its version but does not declare 428"));
            }
        }));
        assertThat(problems).isEmpty();
        // the actions that take the version as an update does (0014's table), and the SPEC's shapes that do not
        assertThat(required).contains("put /api/v1/users/{id}", "post /api/v1/quotes/{id}/send",
                "post /api/v1/orders/{id}/preparation", "post /api/v1/receipts/{id}/allocations",
                "post /api/v1/receipts/{id}/reversal", "post /api/v1/invoices/{id}/issue",
                "post /api/v1/contracts/{id}/archive", "post /api/v1/complaints/{id}/close",
                "post /api/v1/orders/{id}/acceptance", "post /api/v1/leads/{id}/reopen");
        assertThat(optional).contains("post /api/v1/contracts/{id}/signing", "delete /api/v1/contracts/{id}/sections/{key}",
                "post /api/v1/contracts/{id}/submit", "post /api/v1/quotes/{id}/submit", "post /api/v1/policy");
        assertThat(responses("/api/v1/contracts/{id}/signing", "post")).containsExactlyInAnyOrder(
                "200", "400", "401", "403", "404", "406", "409", "413", "415", "422", "429");
        assertThat(responses("/api/v1/contracts/{id}/sections/{key}", "delete")).containsExactlyInAnyOrder(
                "200", "400", "401", "403", "404", "406", "409", "422", "429");
        assertThat(responses("/api/v1/policy/versions/{version}", "get")).doesNotContain("409", "428");
        assertThat(responses("/api/v1/quotes/{id}/send", "post")).containsExactlyInAnyOrder(
                "200", "400", "401", "403", "404", "406", "409", "413", "415", "422", "428", "429");
    }

    /**
     * Every operation that answers 428 reads {@code If-Match} (the platform's {@code RequiredVersion}), so it declares
     * it; and every list's page {@code size} says its least value and default (decision 0063: a larger one is capped).
     */
    @Test
    void everyOperationThatRequiresAVersionDeclaresIfMatchAndEveryPageSizeItsRange() {
        List<String> withoutIfMatch = new ArrayList<>();
        List<String> undocumentedSizes = new ArrayList<>();
        int[] counts = new int[2];
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String call = op.getKey() + " " + path.getKey();
            boolean ifMatch = false;
            for (JsonNode parameter : op.getValue().path("parameters")) {
                ifMatch |= "header".equals(parameter.path("in").asString())
                        && "If-Match".equalsIgnoreCase(parameter.path("name").asString());
                if ("query".equals(parameter.path("in").asString()) && "size".equals(parameter.path("name").asString())
                        && parameter.path("schema").path("type").toString().contains("integer")) {
                    counts[1]++;
                    JsonNode schema = parameter.path("schema");
                    if (schema.path("minimum").asInt(0) != 1 || schema.path("default").asInt(0) != CursorPage.DEFAULT_SIZE
                            || !parameter.path("description").asString("").contains("capped")) {
                        undocumentedSizes.add(call + " " + parameter);
                    }
                }
            }
            if (op.getValue().path("responses").has("428")) {
                counts[0]++;
                if (!ifMatch) {
                    withoutIfMatch.add(call);
                }
            }
        }));
        assertThat(withoutIfMatch).isEmpty();
        assertThat(undocumentedSizes).isEmpty();
        assertThat(counts[0]).as("operations answering 428").isGreaterThan(50);
        assertThat(counts[1]).as("lists with a page size").isGreaterThan(20);
        assertThat(operation("/api/v1/users/{id}", "put").path("parameters").toString()).contains("If-Match", "weak tag");
    }

    /**
     * The two creations that take an {@code Idempotency-Key} declare it as an optional header of one string, as the
     * handlers read it (the platform's {@code SingleHeader}: one value, 400 when sent twice).
     */
    @Test
    void theIdempotencyKeyIsAnOptionalHeaderOfTheReceiptAndTheWebToLeadSubmission() {
        JsonNode receipt = operation("/api/v1/receipts", "post").path("parameters");
        JsonNode lead = operation("/api/v1/public/leads", "post").path("parameters");
        for (JsonNode parameters : List.of(receipt, lead)) {
            assertThat(parameters.size()).as(parameters.toString()).isEqualTo(1);
            JsonNode key = parameters.get(0);
            assertThat(key.path("name").asString()).isEqualTo("Idempotency-Key");
            assertThat(key.path("in").asString()).isEqualTo("header");
            // optional: "required" false, or left out (OpenAPI's default for a header)
            assertThat(key.path("required").asBoolean(false)).as(key.toString()).isFalse();
            assertThat(key.path("schema").toString()).isEqualTo("{\"type\":\"string\"}");
        }
        assertThat(receipt.get(0).path("description").asString()).isEqualTo("Optional, 1 to 100 characters, each "
                + "user's own: a retry with the same key and body records nothing and answers the receipt the first "
                + "request recorded");
    }

    /** SPEC §6: the signing is a form of the scan, the day and the signatories (the query still read, not documented). */
    @Test
    void anUploadsOtherFieldsAreFieldsOfItsForm() {
        JsonNode form = operation("/api/v1/contracts/{id}/signing", "post")
                .at("/requestBody/content/multipart~1form-data/schema");
        assertThat(form.path("properties").propertyNames()).containsExactlyInAnyOrder("scan", "signedOn", "signatories",
                "version");
        assertThat(form.path("required").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("scan", "signedOn", "signatories");
        assertThat(form.at("/properties/signedOn/format").asString()).isEqualTo("date");
        assertThat(operation("/api/v1/contracts/{id}/signing", "post").path("parameters").valueStream()
                .map(p -> p.path("in").asString()).toList()).containsOnly("path");
        JsonNode acceptance = operation("/api/v1/orders/{id}/acceptance", "post")
                .at("/requestBody/content/multipart~1form-data/schema/properties");
        assertThat(acceptance.propertyNames()).contains("form", "acceptedOn", "signedBy", "version");
    }

    /** Every 201 tells where to read what it created, or the document says why there is no such address. */
    @Test
    void everyCreationDeclaresItsLocationOrSaysWhyItHasNone() {
        List<String> without = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode created = op.getValue().at("/responses/201");
            if (created.isMissingNode()) {
                return;
            }
            String call = op.getKey() + " " + path.getKey();
            JsonNode location = created.at("/headers/Location");
            if (created.path("description").asString("").contains("no Location: ")) {
                without.add(call);
                if (!location.isMissingNode()) {
                    problems.add(call + " says it has no Location but declares one");
                }
            } else if (!location.path("required").asBoolean(false)
                    || !"uri-reference".equals(location.at("/schema/format").asString(""))) {
                problems.add(call + " does not declare its Location: " + created);
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(without).containsExactlyInAnyOrder("post /api/v1/public/leads", "post /api/v1/lead-api-keys",
                "post /api/v1/opportunities/{id}/evaluations", "post /api/v1/opportunities/{id}/evaluation-invitations",
                "post /api/v1/contracts/{id}/sections", "post /api/v1/contracts/{id}/amendments",
                "post /api/v1/calendar/exceptions");
        assertThat(responses("/api/v1/complaints/{id}/evidence", "post")).contains("201");
        assertThat(operation("/api/v1/complaints/{id}/evidence", "post").at("/responses/201/headers/Location/required")
                .asBoolean()).isTrue();
    }

    /** The API refuses null in a list ({@code error.nullElement}): no request's list declares its items nullable. */
    @Test
    void noListOfARequestTakesNullItems() {
        List<String> nullable = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                op.getValue().path("requestBody").path("content").forEach(media ->
                        nullItems(op.getKey() + " " + path.getKey(), media.path("schema"), new java.util.HashSet<>(),
                                nullable))));
        assertThat(nullable).isEmpty();
        assertThat(document.at("/components/schemas/MinutesMilestone/nullable").asBoolean(false)).isFalse();
        assertThat(document.at("/components/schemas/MinutesRequest/properties/milestones/items/$ref").asString())
                .isEqualTo("#/components/schemas/MinutesMilestone");
    }

    /** The public web-to-lead form ignores fields it does not have (0014), and the document says so. */
    @Test
    void thePublicLeadFormAllowsFieldsItIgnoresAndEveryOtherRequestRefusesThem() {
        JsonNode lead = requestBodySchema("/api/v1/public/leads", "post");
        assertThat(lead.path("additionalProperties").asBoolean(false)).isTrue();
        assertThat(lead.path("description").asString()).contains("ignored");
        assertThat(requestBodySchema("/api/v1/leads", "post").path("additionalProperties").asBoolean(true)).isFalse();
    }

    private void nullItems(String where, JsonNode schema, Set<String> seen, List<String> nullable) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty() && !seen.add(ref)) {
            return;
        }
        JsonNode s = resolved(schema);
        JsonNode items = s.path("items");
        if (!items.isMissingNode()) {
            if (items.path("nullable").asBoolean(false) || resolved(items).path("nullable").asBoolean(false)) {
                nullable.add(where + ": items of " + (ref.isEmpty() ? "a list" : ref) + ": " + items);
            }
            nullItems(where, items, seen, nullable);
        }
        s.path("properties").forEach(property -> nullItems(where, property, seen, nullable));
    }

    private JsonNode resolved(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void operationIdsAreUniqueAndNamedAfterTheirResource() {
        List<String> ids = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> ids.add(op.getValue().get("operationId").asString())));
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+"));
        assertThat(operation("/api/v1/leads/{id}/claim", "post").get("operationId").asString()).isEqualTo("leadClaim");
        assertThat(operation("/api/v1/lead-territories", "post").get("operationId").asString()).isEqualTo("territoryCreate");
    }

    @Test
    void everyOperationHasAnEnglishSummary() {
        List<String> missing = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String summary = op.getValue().path("summary").asString("");
            if (summary.isBlank() || !summary.chars().allMatch(c -> c < 0x2000)) {
                missing.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRequestExampleIsAValidRequestOfItsOperation() {
        var validator = contract.validator();
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode examples = op.getValue().at("/requestBody/content/application~1json/examples");
            examples.properties().forEach(example -> {
                JsonNode value = example.getValue().get("value");
                String uri = path.getKey().replaceAll(PATH_VARIABLE, "01890f2e-5a1b-7c3d-8e4f-000000000001");
                var request = new SimpleRequest.Builder(op.getKey(), uri)
                        .withContentType("application/json").withAccept("application/json")
                        .withHeader(HttpHeaders.AUTHORIZATION, "Bearer l2c_example").withHeader("X-Api-Key", "example")
                        .withBody(value.isString() ? value.asString() : value.toString()).build();
                checked.add(op.getKey() + " " + path.getKey());
                messages(validator.validateRequest(request)).forEach(m -> problems.add(path.getKey() + ": " + m));
            });
        }));
        assertThat(problems).isEmpty();
        assertThat(checked).contains("post /api/v1/auth/token", "post /api/v1/users", "post /api/v1/leads",
                "post /api/v1/public/leads", "post /api/v1/leads/{id}/assign", "post /api/v1/leads/{id}/contact-attempts",
                "post /api/v1/leads/{id}/convert", "post /api/v1/approvals/{id}/decision");
    }

    /** SPEC §6 stars the fields a request cannot go without; the document marks those the product refuses it without. */
    @Test
    void theStableRequestShapesMarkTheFieldsTheProductRefusesABodyWithout() {
        Map<String, Set<String>> required = new java.util.LinkedHashMap<>();
        for (String call : List.of("post /api/v1/leads", "post /api/v1/public/leads", "post /api/v1/activities",
                "post /api/v1/customers", "put /api/v1/customers/{id}", "put /api/v1/leads/{id}",
                "put /api/v1/contacts/{id}", "put /api/v1/activities/{id}", "post /api/v1/opportunities",
                "put /api/v1/opportunities/{id}", "post /api/v1/quotes",
                "post /api/v1/customers/{id}/contacts", "post /api/v1/customers/{id}/needs-analyses",
                "post /api/v1/needs-analyses/{id}/send", "post /api/v1/products", "post /api/v1/contracts",
                "post /api/v1/orders", "post /api/v1/receipts", "post /api/v1/invoices", "post /api/v1/complaints",
                "post /api/v1/complaints/{id}/close", "post /api/v1/lead-api-keys")) {
            String[] parts = call.split(" ");
            required.put(call, requiredOfRequestBody(parts[1], parts[0]));
        }
        assertThat(required).isEqualTo(Map.ofEntries(
                Map.entry("post /api/v1/leads", Set.of("companyName", "source")),
                // a website's lead takes the source its API key was issued for
                Map.entry("post /api/v1/public/leads", Set.of("companyName")),
                Map.entry("post /api/v1/activities", Set.of("customerId", "type", "occurredAt", "summary")),
                Map.entry("post /api/v1/customers", Set.of("name")),
                // a correction sends what it corrects; a field left out keeps its value (docs/decisions/0030)
                Map.entry("put /api/v1/customers/{id}", Set.of()),
                Map.entry("put /api/v1/leads/{id}", Set.of()),
                Map.entry("put /api/v1/contacts/{id}", Set.of()),
                Map.entry("put /api/v1/activities/{id}", Set.of()),
                Map.entry("put /api/v1/opportunities/{id}", Set.of()),
                Map.entry("post /api/v1/opportunities", Set.of("customerId", "name", "amount")),
                Map.entry("post /api/v1/quotes", Set.of("opportunityId")),
                Map.entry("post /api/v1/customers/{id}/contacts", Set.of("name")),
                Map.entry("post /api/v1/customers/{id}/needs-analyses", Set.of("interviewedAt")),
                Map.entry("post /api/v1/needs-analyses/{id}/send", Set.of("contactId")),
                Map.entry("post /api/v1/products", Set.of("code", "name", "listPrice", "taxRate")),
                // the amount, left out, is the accepted quote's and the confirmed minutes' (docs/decisions/0015)
                Map.entry("post /api/v1/contracts", Set.of("opportunityId")),
                Map.entry("post /api/v1/orders", Set.of("contractId")),
                Map.entry("post /api/v1/receipts", Set.of("customerId", "amount", "receivedOn", "method")),
                Map.entry("post /api/v1/invoices", Set.of("contractId", "buyerName", "buyerTaxId", "amount")),
                Map.entry("post /api/v1/complaints", Set.of("customerId", "category", "severity", "description")),
                // the version may come as If-Match instead (docs/decisions/0014): 428 without either
                Map.entry("post /api/v1/complaints/{id}/close", Set.of()),
                // not a SPEC shape, but refused (422) without either: the document says so too
                Map.entry("post /api/v1/lead-api-keys", Set.of("name", "source"))));
    }

    /** docs/decisions/0030: a client learns from the document that a correction keeps what it leaves out. */
    @Test
    void theCorrectionsSayAFieldLeftOutKeepsItsValueAndOneSentAsNullIsCleared() {
        for (String path : List.of("/api/v1/customers/{id}", "/api/v1/leads/{id}", "/api/v1/contacts/{id}",
                "/api/v1/activities/{id}", "/api/v1/opportunities/{id}")) {
            assertThat(requestBodySchema(path, "put").path("description").asString(""))
                    .as("put " + path).startsWith("A field left out keeps its value; a field sent as null is cleared");
        }
    }

    /** A rename of an org unit keeps the head it leaves out; the document says so, and how to remove the head. */
    @Test
    void theOrgUnitUpdateSaysAHeadLeftOutIsKeptAndOneSentAsNullRemoved() {
        assertThat(operation("/api/v1/org-units/{id}", "put").path("description").asString(""))
                .contains("A `managerId` left out keeps the unit's head").contains("`\"managerId\": null` removes the head");
        assertThat(requestBodySchema("/api/v1/org-units/{id}", "put").path("description").asString(""))
                .startsWith("managerId left out keeps the unit's head; sent as null removes the head.")
                .contains("parentId left out or null keeps the unit where it is");
    }

    @Test
    void anUnknownEnumValueInABodyOrAQueryNamesTheAllowedValues() {
        assertThat(mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"companyName\":\"杭州测试\",\"source\":\"FAX\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("source");
                    assertThat(body).extractingPath("$.errors[0].code").isEqualTo("error.badEnum");
                    assertThat(body).extractingPath("$.errors[0].allowedValues").asArray().contains("TRADE_SHOW", "REFERRAL");
                    assertThat(body).extractingPath("$.errors[0].message").asString().contains("TRADE_SHOW");
                });
        assertThat(mvc.get().uri("/api/v1/leads?grade=Z").header(HttpHeaders.AUTHORIZATION, admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("grade");
                    assertThat(body).extractingPath("$.errors[0].allowedValues").asArray().containsExactly("A", "B", "C");
                });
    }

    @Test
    void aProblemSpringAnswersItselfCarriesATypeAndACode() {
        assertThat(mvc.post().uri("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.TEXT_PLAIN).content("{}"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.code").isEqualTo("error.http.415");
                    assertThat(body).extractingPath("$.type").isEqualTo("urn:lead2cash:problem:error.http.415");
                });
        // a missing part of an upload form is named as a missing field, in the reader's words (decision 0014)
        assertThat(mvc.post().uri("/api/v1/calendar/import").header(HttpHeaders.AUTHORIZATION, admin)
                .multipart().file("other", "x".getBytes()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.code").isEqualTo("error.missingField");
                    assertThat(body).extractingPath("$.type").isEqualTo("urn:lead2cash:problem:error.missingField");
                    assertThat(body).extractingPath("$.errors[0].code").isEqualTo("error.missingField");
                });
    }

    private JsonNode operation(String path, String method) {
        JsonNode op = document.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method);
        assertThat(op.isMissingNode()).as(method + " " + path).isFalse();
        return op;
    }

    private List<String> responses(String path, String method) {
        List<String> codes = new ArrayList<>();
        operation(path, method).get("responses").propertyNames().forEach(codes::add);
        return codes;
    }

    /** The required properties of the operation's JSON request body. */
    private Set<String> requiredOfRequestBody(String path, String method) {
        Set<String> required = new java.util.HashSet<>();
        requestBodySchema(path, method).path("required").forEach(field -> required.add(field.asString()));
        return required;
    }

    /** The schema of the operation's JSON request body, its reference followed. */
    private JsonNode requestBodySchema(String path, String method) {
        JsonNode schema = operation(path, method).at("/requestBody/content/application~1json/schema");
        assertThat(schema.isMissingNode()).as(method + " " + path + " takes a JSON body").isFalse();
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static List<String> messages(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }
}
