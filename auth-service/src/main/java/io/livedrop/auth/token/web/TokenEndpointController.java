package io.livedrop.auth.token.web;

import io.livedrop.auth.token.application.ClientCredentialsService;
import io.livedrop.auth.token.application.TokenService;
import io.livedrop.auth.token.domain.IssuedToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 client-credentials grant for services (RFC 6749 §4.4, docs/INTERNAL-API.md): HTTP Basic
 * client authentication, {@code grant_type=client_credentials}, optional {@code scope} (space-separated
 * {@code internal:*} scopes). Without {@code scope} the client gets every scope it is allowed
 * ({@code SERVICE_CLIENT_SCOPES}); asking for one it is not allowed, or being allowed none, is
 * {@code invalid_scope} and no token. Errors are RFC 6749 §5.2 JSON ({@code {"error": ...}}), not
 * problem+json, because OAuth clients expect them.
 */
@RestController
class TokenEndpointController {

    private static final String BASIC = "Basic ";

    private final ClientCredentialsService clients;
    private final TokenService tokens;

    TokenEndpointController(ClientCredentialsService clients, TokenService tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @PostMapping(path = "/oauth2/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "scope", required = false) String scope) {
        Optional<String> clientId = authenticatedClient(authorization);
        if (clientId.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"livedrop\"")
                    .cacheControl(CacheControl.noStore())
                    .body(Map.of("error", "invalid_client"));
        }
        if (grantType == null || grantType.isBlank()) {
            return error("invalid_request", "grant_type is required");
        }
        if (!grantType.equals("client_credentials")) {
            return error("unsupported_grant_type", "only client_credentials is supported");
        }
        Set<String> allowed = clients.allowedScopes(clientId.get());
        if (allowed.isEmpty()) {
            return error("invalid_scope", "this client is granted no scopes");
        }
        Set<String> granted;
        if (scope == null || scope.isBlank()) {
            granted = allowed;
        } else {
            Set<String> requested =
                    new LinkedHashSet<>(Arrays.asList(scope.strip().split("\\s+")));
            List<String> refused = requested.stream()
                    .filter(s -> !allowed.contains(s))
                    .sorted()
                    .toList();
            if (!refused.isEmpty()) {
                return error("invalid_scope", "not granted to this client: " + String.join(" ", refused));
            }
            granted = new LinkedHashSet<>(allowed);
            granted.retainAll(requested);
        }
        IssuedToken token = tokens.serviceToken(clientId.get(), granted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresIn());
        body.put("scope", String.join(" ", granted));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** The client id of valid Basic credentials (RFC 7617), or empty. */
    private Optional<String> authenticatedClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String clientId = decoded.substring(0, colon);
        return clients.authenticate(clientId, decoded.substring(colon + 1)) ? Optional.of(clientId) : Optional.empty();
    }

    private static ResponseEntity<Map<String, Object>> error(String error, String description) {
        return ResponseEntity.badRequest()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("error", error, "error_description", description));
    }
}
