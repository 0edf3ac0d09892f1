package com.lead2cash.platform.internal.security;

import com.lead2cash.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for the API: issue with username and password, list and revoke your own. */
@RestController
@Tag(name = "Authentication")
class AuthApiController {

    record TokenRequest(@NotBlank String username, @NotBlank String password, String name) {
    }

    record TokenResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant expiresAt) {
    }

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;

    AuthApiController(AuthenticationManager authenticationManager, ApiTokens tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    @Operation(summary = "Issue a personal bearer token (401 on bad credentials or a locked account alike; 429 when the address is throttled)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = "application/json", examples = @io.swagger.v3.oas.annotations.media.ExampleObject(
            name = "A token for an integration", value = """
                    {"username": "east.rep1", "password": "your-password", "name": "crm-sync"}""")))
    @PostMapping("/api/v1/auth/token")
    @com.lead2cash.platform.web.Refuses({401, 429})
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
        // the client address, for the throttle, as the sign-in form records it
        attempt.setDetails(new WebAuthenticationDetails(http));
        Authentication auth = authenticationManager.authenticate(attempt);
        CurrentUser user = ((L2cPrincipal) auth.getPrincipal()).currentUser();
        ApiTokens.IssuedToken issued = tokens.issue(user.id(), request.name());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @Operation(summary = "Revoke the token this request is authenticated with")
    @DeleteMapping("/api/v1/auth/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeCurrent(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revokeByValue(header.substring(7).trim());
        }
    }

    @Operation(summary = "My tokens (never their secrets)")
    @GetMapping("/api/v1/auth/tokens")
    List<ApiTokens.TokenInfo> mine() {
        return tokens.of(CurrentUser.require().id());
    }

    @Operation(summary = "Revoke one of my tokens")
    @DeleteMapping("/api/v1/auth/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        tokens.revoke(CurrentUser.require().id(), id);
    }
}
