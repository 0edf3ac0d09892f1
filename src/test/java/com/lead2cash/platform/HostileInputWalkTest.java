package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lead2cash.testing.Fixtures;
import com.lead2cash.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input is a 4xx, never a 5xx, and stores nothing. Walks every route of the served OpenAPI document
 * ({@code /v3/api-docs}): each write route (POST, PUT, PATCH, DELETE) gets a valid-shaped body with one
 * hostile value at a time in each field (NUL characters, overlong text, huge and over-precise numbers,
 * wrong types, unknown enum values, garbled ids and dates, a null element in a list), a body of JSON null, and
 * hostile path and query parameters;
 * every read route gets hostile query parameters (forged cursors, absurd and negative sizes). Every
 * answer must be a 4xx problem (or, for reads, a 2xx), and the business tables must be unchanged.
 */
@IntegrationTest
class HostileInputWalkTest {

    static final String NUL = "before\u0000after";
    static final String OVERLONG = "长".repeat(100_001);
    /** Probes that are refused as unreadable (400) before anything else but the role check (403) looks at them. */
    static final String NULL_BODY = "body null (required)";
    static final String NULL_ELEMENT = "[0]: null element";
    /**
     * Tables that record requests rather than business (sessions, token use, rate and throttle counters, the scheduler
     * and the progress of the name-key backfills, which the scheduler runs at start-up, maybe during the walk).
     */
    static final List<String> BOOKKEEPING = List.of("flyway_schema_history", "spring_session",
            "spring_session_attributes", "scheduled_tasks", "event_publication", "event_publication_archive",
            "platform_api_token", "platform_login_failure_window", "lead_rate_window", "lead_name_key_backfill",
            "customer_name_key_backfill",
            // the policy's probabilities the forecast's cells were weighed with, written at a board's or forecast's
            // first read after they change (ForecastWeights): a copy of the policy, not business data
            "opportunity_forecast_probability");

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private JsonNode document;
    private String adminToken;
    private String publicKey;

    /** One hostile request and what came back. */
    record Probe(String method, String uri, String what, int status, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + uri + " [" + what + "] -> " + status + " " + contentType + " "
                    + body.substring(0, Math.min(body.length(), 300));
        }
    }

    @Test
    void everyRouteOfTheApiRefusesHostileInputWith4xxProblemsAndStoresNothing() {
        adminToken = "Bearer " + fixtures.token(mvc, "admin");
        publicKey = fixtures.json(mvc.post().uri("/api/v1/lead-api-keys").header(HttpHeaders.AUTHORIZATION, adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"walk\",\"source\":\"WEBSITE_FORM\",\"ratePerMinute\":10000}")).get("apiKey").asString();
        document = fixtures.json(mvc.get().uri("/v3/api-docs").header(HttpHeaders.AUTHORIZATION, adminToken));
        Map<String, String> before = businessData();

        List<Probe> wrong = new ArrayList<>();
        List<Probe> nulls = new ArrayList<>();
        int probes = 0;
        int writeRoutes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
                boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
                writeRoutes += write ? 1 : 0;
                for (Probe probe : walk(path.getKey(), method, operation.getValue(), write)) {
                    probes++;
                    boolean refused = probe.status >= 400 && probe.status < 500
                            && probe.contentType != null && probe.contentType.contains("problem+json");
                    boolean readAnswered = !write && probe.status >= 200 && probe.status < 300;
                    if (!refused && !readAnswered) {
                        wrong.add(probe);
                    }
                    if (probe.what.equals(NULL_BODY) || probe.what.endsWith(NULL_ELEMENT)) {
                        nulls.add(probe);
                    }
                }
            }
        }
        System.out.printf("[hostile walk] %d write routes, %d probes%n", writeRoutes, probes);
        assertThat(writeRoutes).as("the document lists the API's write routes").isGreaterThan(40);
        assertThat(probes).isGreaterThan(1000);
        assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
        assertThat(nulls).as("a null body or element on every write route that reads JSON").hasSizeGreaterThan(40)
                .allSatisfy(probe -> assertThat(probe.status).as(probe.toString()).isIn(400, 403));
        assertThat(businessData()).as("nothing stored by hostile requests").isEqualTo(before);
    }

    private List<Probe> walk(String template, HttpMethod method, JsonNode operation, boolean write) {
        List<Probe> probes = new ArrayList<>();
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            if ("path".equals(p.path("in").asString())) {
                pathParams.add(p);
            } else if ("query".equals(p.path("in").asString())) {
                queryParams.add(p);
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        String mediaType = content.has("application/json") ? "application/json"
                : content.has("text/plain") ? "text/plain" : content.properties().isEmpty() ? null : "other";
        if ("other".equals(mediaType)) {
            return probes; // multipart uploads: hostile files are the import module's to refuse
        }
        JsonNode bodySchema = mediaType == null ? null : resolve(content.path(mediaType).path("schema"));
        Map<String, String> validPath = new LinkedHashMap<>();
        pathParams.forEach(p -> validPath.put(p.get("name").asString(), sampleText(resolve(p.path("schema")))));

        if (write && "application/json".equals(mediaType)) {
            // JSON null for the whole body: a missing body where one is required, no body where it is optional
            boolean required = operation.path("requestBody").path("required").asBoolean(false);
            probes.add(send(method, uri(template, validPath, Map.of()), required ? NULL_BODY : "body null (optional)",
                    "null", MediaType.APPLICATION_JSON));
            JsonNode valid = sample(bodySchema, 0);
            for (Map.Entry<String, JsonNode> variant : hostileBodies(bodySchema, valid).entrySet()) {
                probes.add(send(method, uri(template, validPath, Map.of()), variant.getKey(), variant.getValue().toString(),
                        MediaType.APPLICATION_JSON));
            }
        }
        if (write && "text/plain".equals(mediaType)) {
            probes.add(send(method, uri(template, validPath, Map.of()), "NUL text", "2026-10-01 holiday\n" + NUL,
                    MediaType.TEXT_PLAIN));
        }
        String validBody = bodySchema == null ? null : sample(bodySchema, 0).toString();
        MediaType type = "text/plain".equals(mediaType) ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
        if ("text/plain".equals(mediaType)) {
            validBody = "2026-10-01 holiday";
        }
        for (JsonNode p : pathParams) {
            for (String hostile : List.of("not-an-id", NUL, "99999999999999999999", "-1", "%00", "' or 1=1 --")) {
                Map<String, String> values = new LinkedHashMap<>(validPath);
                values.put(p.get("name").asString(), hostile);
                probes.add(send(method, uri(template, values, Map.of()), "path " + p.get("name").asString() + "="
                        + printable(hostile), validBody, type));
            }
        }
        for (JsonNode p : queryParams) {
            JsonNode schema = resolve(p.path("schema"));
            for (String hostile : hostileQueryValues(p.get("name").asString(), schema)) {
                probes.add(send(method, uri(template, validPath, Map.of(p.get("name").asString(), hostile)),
                        "query " + p.get("name").asString() + "=" + printable(hostile), validBody, type));
            }
        }
        return probes;
    }

    private List<String> hostileQueryValues(String name, JsonNode schema) {
        List<String> values = new ArrayList<>(List.of(NUL, "x".repeat(20_000), "{\"x\":1}"));
        if (name.equals("cursor")) {
            values.addAll(List.of("garbled!!", base64("not-a-time\u001fnot-an-id"), base64("2026-01-01T00:00:00Z"),
                    base64("99999999999999999999\u001f" + UUID.randomUUID()), base64("x\u001fy\u001fz")));
        }
        if ("integer".equals(type(schema)) || "number".equals(type(schema)) || name.equals("size")) {
            values.addAll(List.of("99999999999", "-1", "0", "-99999999999", "1e400", "NaN"));
        }
        if ("boolean".equals(type(schema))) {
            values.add("maybe");
        }
        if (schema.has("enum") || ("array".equals(type(schema)) && resolve(schema.path("items")).has("enum"))) {
            values.add("NOT_A_VALUE");
        }
        if ("uuid".equals(schema.path("format").asString())) {
            values.add("not-an-id");
        }
        if (schema.path("format").asString().startsWith("date")) {
            values.addAll(List.of("2026-13-45", "99999-01-01T00:00:00Z"));
        }
        return values;
    }

    /** Each property of the body (and of objects one level down, and array items) with each hostile value in turn. */
    private Map<String, JsonNode> hostileBodies(JsonNode schema, JsonNode valid) {
        Map<String, JsonNode> variants = new LinkedHashMap<>();
        if (!(valid instanceof ObjectNode object)) {
            return variants;
        }
        for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
            JsonNode propertySchema = resolve(property.getValue());
            for (Map.Entry<String, JsonNode> hostile : hostileValues(propertySchema).entrySet()) {
                ObjectNode variant = object.deepCopy();
                variant.set(property.getKey(), hostile.getValue());
                variants.put(property.getKey() + ": " + hostile.getKey(), variant);
            }
            if ("object".equals(type(propertySchema)) && valid.get(property.getKey()) instanceof ObjectNode inner) {
                for (Map.Entry<String, JsonNode> nested : hostileBodies(propertySchema, inner).entrySet()) {
                    ObjectNode variant = object.deepCopy();
                    variant.set(property.getKey(), nested.getValue());
                    variants.put(property.getKey() + "." + nested.getKey(), variant);
                }
            }
            if ("array".equals(type(propertySchema))) {
                JsonNode items = resolve(propertySchema.path("items"));
                JsonNode item = sample(items, 1);
                ObjectNode withNull = object.deepCopy();
                withNull.set(property.getKey(), nodes.arrayNode().addNull());
                variants.put(property.getKey() + NULL_ELEMENT, withNull);
                for (Map.Entry<String, JsonNode> hostile : hostileValues(items).entrySet()) {
                    ObjectNode variant = object.deepCopy();
                    variant.set(property.getKey(), nodes.arrayNode().add(hostile.getValue()));
                    variants.put(property.getKey() + "[0]: " + hostile.getKey(), variant);
                }
                if (item instanceof ObjectNode inner) {
                    for (Map.Entry<String, JsonNode> nested : hostileBodies(items, inner).entrySet()) {
                        ObjectNode variant = object.deepCopy();
                        variant.set(property.getKey(), nodes.arrayNode().add(nested.getValue()));
                        variants.put(property.getKey() + "[0]." + nested.getKey(), variant);
                    }
                }
            }
        }
        return variants;
    }

    private Map<String, JsonNode> hostileValues(JsonNode schema) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        String type = type(schema);
        String format = schema.path("format").asString();
        values.put("wrong type (object)", nodes.objectNode().put("x", 1));
        switch (type) {
            case "string" -> {
                values.put("NUL", nodes.stringNode(NUL));
                values.put("control character", nodes.stringNode("tab\u0007bell"));
                values.put("overlong", nodes.stringNode(OVERLONG));
                values.put("wrong type (array)", nodes.arrayNode().add("x"));
                if (schema.has("enum")) {
                    values.put("unknown enum value", nodes.stringNode("NOT_A_VALUE"));
                }
                if (format.equals("uuid")) {
                    values.put("garbled id", nodes.stringNode("not-an-id"));
                }
                if (format.startsWith("date")) {
                    values.put("garbled date", nodes.stringNode("2026-13-45"));
                }
                if (format.equals("time") || format.equals("partial-time")) {
                    values.put("garbled time", nodes.stringNode("25:61"));
                }
            }
            case "number" -> {
                values.put("huge", nodes.numberNode(new java.math.BigDecimal("1e30")));
                values.put("beyond the money columns", nodes.numberNode(new java.math.BigDecimal("12345678901234567.89")));
                values.put("over-precise", nodes.numberNode(new java.math.BigDecimal("1.23456789")));
                values.put("huge exponent", nodes.numberNode(new java.math.BigDecimal("1e999999")));
                values.put("not a number", nodes.stringNode("lots"));
            }
            case "integer" -> {
                values.put("beyond long", nodes.numberNode(new java.math.BigInteger("99999999999999999999")));
                values.put("not a number", nodes.stringNode("lots"));
                if (!format.equals("int64")) {
                    values.put("beyond int", nodes.numberNode(99_999_999_999L));
                }
            }
            case "boolean" -> values.put("not a boolean", nodes.stringNode("maybe"));
            case "array" -> values.put("wrong type (string)", nodes.stringNode("x"));
            default -> {
            }
        }
        return values;
    }

    private JsonNode sample(JsonNode schema, int depth) {
        schema = resolve(schema);
        String type = type(schema);
        if (depth > 4) {
            return nodes.nullNode();
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                properties(schema).forEach((name, s) -> object.set(name, sample(s, depth + 1)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(sample(schema.path("items"), depth + 1));
                yield array;
            }
            case "integer" -> nodes.numberNode(1);
            case "number" -> nodes.numberNode(new java.math.BigDecimal("100.00"));
            case "boolean" -> nodes.booleanNode(true);
            case "string" -> nodes.stringNode(sampleText(schema));
            default -> nodes.nullNode();
        };
    }

    private String sampleText(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (schema.path("format").asString()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-12-31";
            case "date-time" -> "2026-12-01T10:00:00+08:00";
            case "int64", "int32" -> "1";
            default -> "integer".equals(type(schema)) ? "1" : "walk";
        };
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        resolve(schema).path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        for (JsonNode part : resolve(schema).path("allOf")) {
            properties.putAll(properties(part));
        }
        return properties;
    }

    private String type(JsonNode schema) {
        JsonNode type = resolve(schema).path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isMissingNode() && resolve(schema).has("properties")) {
            return "object";
        }
        return type.asString("");
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return resolve(document.path("components").path("schemas").path(name));
        }
        if (schema != null && schema.has("oneOf") && !schema.has("type")) {
            return resolve(schema.get("oneOf").get(0));
        }
        return schema == null ? nodes.missingNode() : schema;
    }

    private String uri(String template, Map<String, String> path, Map<String, String> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(template);
        Map<String, String> values = new LinkedHashMap<>(path);
        query.forEach((name, value) -> {
            builder.queryParam(name, "{q_" + name + "}");
            values.put("q_" + name, value);
        });
        return builder.encode().buildAndExpand(values).toUriString();
    }

    private Probe send(HttpMethod method, String uri, String what, String body, MediaType type) {
        var request = mvc.method(method).uri(java.net.URI.create(uri)).header(HttpHeaders.AUTHORIZATION, adminToken)
                .header("X-Api-Key", publicKey).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request = request.contentType(type).content(body.getBytes(StandardCharsets.UTF_8));
        }
        MvcTestResult result = request.exchange();
        String answer;
        try {
            answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            answer = "";
        }
        return new Probe(method.name(), printable(uri), what, result.getResponse().getStatus(),
                result.getResponse().getContentType(), answer);
    }

    private Map<String, String> businessData() {
        Map<String, String> checksums = new java.util.TreeMap<>();
        for (String table : jdbc.sql("""
                select table_name from information_schema.tables
                 where table_schema = 'public' and table_type = 'BASE TABLE'
                """).query(String.class).list()) {
            if (!BOOKKEEPING.contains(table)) {
                checksums.put(table, jdbc.sql("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
                        + table + " t").query(String.class).single());
            }
        }
        return checksums;
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
        return shown.replace("\u0000", "\\0");
    }
}
