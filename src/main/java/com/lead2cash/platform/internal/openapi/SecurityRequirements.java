package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.internal.openapi.ApiDocumentConfiguration.Refusal;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Which operations need a bearer token, asked of the security configuration itself: an operation that
 * an anonymous caller may not reach needs one (and answers 401 without it); one that a signed-in caller
 * without roles may not reach is restricted to roles (403), and so may any change a signed-in caller asks
 * for (services refuse roles and non-owners with 403). An operation that declares its own
 * {@code @SecurityRequirement} (the web-to-lead API key) keeps it, and answers 401 too. An operation that takes a
 * bearer token answers 429 to wrong tokens from an address that sent too many.
 */
class SecurityRequirements implements GlobalOpenApiCustomizer {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymous",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication NO_ROLES = UsernamePasswordAuthenticationToken.authenticated("openapi", null,
            List.of());

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    SecurityRequirements(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.privileges = privileges;
    }

    @Override
    public void customise(OpenAPI api) {
        WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
        if (api.getPaths() == null || evaluator == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            // a path variable stands for any value; "0" passes every matcher the API uses
            String uri = path.replaceAll("\\{[^}]+}", "0");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                String method = entry.getKey().name();
                boolean open = evaluator.isAllowed("", uri, method, ANONYMOUS);
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    operation.setSecurity(open ? null : List.of(new SecurityRequirement()
                            .addList(ApiDocumentConfiguration.BEARER)));
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    operation.getResponses().putIfAbsent(Refusal.UNAUTHORIZED.code(), Refusal.UNAUTHORIZED.reference());
                }
                // wrong bearer tokens from an address that has spent its failures (security's ApiEntryPoint)
                if (operation.getSecurity() != null && operation.getSecurity().stream()
                        .anyMatch(r -> r.containsKey(ApiDocumentConfiguration.BEARER))) {
                    operation.getResponses().putIfAbsent(Refusal.TOO_MANY_REQUESTS.code(),
                            Refusal.TOO_MANY_REQUESTS.reference());
                }
                // a signed-in caller's change can be refused for who they are (a role, not the owner), decided
                // by the module's service (ForbiddenException); reads outside scope answer 404 instead
                boolean change = !"GET".equals(method) && !"HEAD".equals(method);
                if (!open && (change || !evaluator.isAllowed("", uri, method, NO_ROLES))) {
                    operation.getResponses().putIfAbsent(Refusal.FORBIDDEN.code(), Refusal.FORBIDDEN.reference());
                }
                operation.setResponses(ProblemResponses.sorted(operation.getResponses()));
            }
        });
    }
}
