package io.livedrop.auth.client;

import io.livedrop.auth.token.IssuedToken;
import io.livedrop.auth.token.TokenIssuer;
import io.livedrop.common.security.Scopes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 * client authentication, {@code grant_type=client_credentials}, optional {@code scope=internal}. Errors
 * are RFC 6749 §5.2 JSON ({@code {"error": ...}}), not problem+json, because OAuth clients expect them.
 */
@RestController
class TokenEndpointController {

    private static final String BASIC = "Basic ";

    private final ServiceClients clients;
    private final TokenIssuer tokens;

    TokenEndpointController(ServiceClients clients, TokenIssuer tokens) {
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
        if (scope != null && !scope.isBlank() && !scope.strip().equals(Scopes.INTERNAL)) {
            return error("invalid_scope", "the only scope is internal");
        }
        IssuedToken token = tokens.serviceToken(clientId.get());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresIn());
        body.put("scope", Scopes.INTERNAL);
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
