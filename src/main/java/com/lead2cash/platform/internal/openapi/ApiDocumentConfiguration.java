package com.lead2cash.platform.internal.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The API document ({@code /v3/api-docs}): security schemes, the problem-details schema and one
 * reusable response per refusal. Which operation answers which refusal is derived from the code by
 * {@link ProblemResponses} and {@link SecurityRequirements}; property rules by {@link SchemaRules}; stable
 * operation ids by {@link OperationIds}; the search text's length by {@link SearchTextParameters}; the currency
 * money may say by {@link MoneyCurrency}; the {@code Location} of every 201 by {@link CreatedLocations}; an
 * upload's other fields as fields of its form by {@link MultipartFields}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The refusals the API answers, by status: the reusable response's name and description. */
    enum Refusal {
        BAD_REQUEST(400, "BadRequest", "The request could not be read: malformed JSON, a value of the wrong type "
                + "or format, an unknown enum value (the field error lists the allowed values), a header that names "
                + "one thing (Idempotency-Key, X-Api-Key) sent more than once."),
        UNAUTHORIZED(401, "Unauthorized", "No valid credentials: a missing, expired or revoked bearer token "
                + "(or API key), or wrong username and password."),
        FORBIDDEN(403, "Forbidden", "The caller's role may not do this."),
        NOT_FOUND(404, "NotFound", "No such record, or it is outside the caller's data scope (never a hint that "
                + "it exists)."),
        NOT_ACCEPTABLE(406, "NotAcceptable", "The answer was asked for (Accept) in a type this operation does not "
                + "write: the API answers in JSON."),
        CONFLICT(409, "Conflict", "A stale version (someone changed the record meanwhile) or a lost race."),
        PAYLOAD_TOO_LARGE(413, "PayloadTooLarge", "The uploaded file is larger than this operation accepts, or the "
                + "request body larger than any request may be."),
        UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType", "The body is not of a type this operation reads: JSON as "
                + "application/json, an upload as multipart/form-data."),
        UNPROCESSABLE(422, "UnprocessableContent", "A business rule refused the request, or input was refused field "
                + "by field (see errors)."),
        PRECONDITION_REQUIRED(428, "PreconditionRequired", "An update without a version: send the version read "
                + "(a version field or an If-Match header)."),
        TOO_MANY_REQUESTS(429, "TooManyRequests", "Rate limit spent, or too many wrong credentials (passwords, "
                + "bearer tokens, API keys) from the caller's address; retry after the seconds in Retry-After.");

        final int status;
        final String component;
        final String description;

        Refusal(int status, String component, String description) {
            this.status = status;
            this.component = component;
            this.description = description;
        }

        String code() {
            return String.valueOf(status);
        }

        String ref() {
            return "#/components/responses/" + component;
        }

        ApiResponse reference() {
            return new ApiResponse().$ref(ref());
        }

        static Refusal of(int status) {
            for (Refusal refusal : values()) {
                if (refusal.status == status) {
                    return refusal;
                }
            }
            throw new IllegalArgumentException("No reusable problem response for HTTP status " + status);
        }
    }

    @Bean
    OpenAPI lead2cashApiDocument() {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal token from POST /api/v1/auth/token: Authorization: Bearer <token>"))
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                        .description("A web-to-lead key issued by an administrator for one lead source"))
                .addSchemas("FieldError", fieldError())
                .addSchemas(PROBLEM, problem());
        for (Refusal refusal : Refusal.values()) {
            ApiResponse response = new ApiResponse().description(refusal.description).content(problemContent());
            if (refusal == Refusal.TOO_MANY_REQUESTS) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                        .schema(new IntegerSchema()));
            }
            if (refusal == Refusal.UNAUTHORIZED) {
                response.addHeaderObject("WWW-Authenticate", new Header().required(true).description("""
                        The scheme to authenticate with (RFC 9110): `Bearer realm="lead2cash"` on the routes that                         take a bearer token, with `error="invalid_token"` when the token sent is unknown, expired or                         revoked (RFC 6750); `ApiKey realm="lead2cash", header="X-Api-Key"` on the public web-to-lead                         route; `Password realm="lead2cash"` for a refused sign-in at POST /api/v1/auth/token, whose                         username and password go in the JSON body.""").schema(new StringSchema()));
            }
            components.addResponses(refusal.component, response);
        }
        return new OpenAPI()
                .info(new Info().title("Lead2Cash API").version("v1").description("""
                        Lead2Cash (线索到回款): from lead to cash, with the SOP as data. Every call under /api/v1 \
                        takes a bearer token from POST /api/v1/auth/token, except that call itself and the public \
                        web-to-lead endpoint (X-Api-Key). Errors are RFC 9457 problem details \
                        (application/problem+json) with field errors; lists page with ?cursor=&size= and answer \
                        {items, nextCursor}; updates take the version read (optimistic locking)."""))
                .servers(List.of(new Server().url("/").description("This server")))
                .components(components);
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    SecurityRequirements securityRequirements(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        return new SecurityRequirements(privileges);
    }

    @Bean
    OperationIds operationIds() {
        return new OperationIds();
    }

    @Bean
    SchemaRules schemaRules() {
        return new SchemaRules();
    }

    @Bean
    SearchTextParameters searchTextParameters() {
        return new SearchTextParameters();
    }

    @Bean
    PagingAndVersionParameters pagingAndVersionParameters() {
        return new PagingAndVersionParameters();
    }

    @Bean
    CreatedLocations createdLocations() {
        return new CreatedLocations();
    }

    @Bean
    MultipartFields multipartFields() {
        return new MultipartFields();
    }

    @Bean
    MoneyCurrency moneyCurrency() {
        return new MoneyCurrency();
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** What {@code ProblemWriter} and the API's exception handler write (RFC 9457 plus code and errors). */
    private static Schema<?> problem() {
        Schema<?> schema = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri")
                        .description("urn:lead2cash:problem:<code>").example("urn:lead2cash:problem:error.validation"))
                .addProperty("title", new StringSchema().description("The HTTP status' reason"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().description("What went wrong, in the caller's language"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path"))
                .addProperty("code", new StringSchema().description("A stable machine-readable code")
                        .example("error.validation"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("The refused fields, when the problem is about input"));
        schema.setRequired(List.of("type", "title", "status", "detail", "code"));
        // RFC 9457 lets a problem carry more members; clients must ignore the ones they do not know
        schema.setAdditionalProperties(Boolean.TRUE);
        return schema;
    }

    private static Schema<?> fieldError() {
        Schema<?> schema = new ObjectSchema().description("One refused field")
                .addProperty("field", new StringSchema().description("Path of the field: name, lines[2].amount")
                        .example("source"))
                .addProperty("code", new StringSchema().description("A stable machine-readable code")
                        .example("error.badEnum"))
                .addProperty("message", new StringSchema().description("What is wrong, in the caller's language"))
                .addProperty("allowedValues", new ArraySchema().items(new StringSchema())
                        .description("For an unknown enum value: the values the field takes"));
        schema.setRequired(List.of("field", "code", "message"));
        schema.setAdditionalProperties(Boolean.FALSE);
        return schema;
    }
}
