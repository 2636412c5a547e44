package io.livedrop.auth.token.application;

import io.livedrop.common.security.Scopes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The services allowed to obtain service tokens, from {@code SERVICE_CLIENTS}
 * ({@code client_id:secret,client_id:secret}; the secret is everything after the first colon), and
 * the scopes each may obtain, from {@code SERVICE_CLIENT_SCOPES} ({@code client_id=scope scope,...},
 * e.g. {@code order-service=internal:inventory internal:payments,payment-service=internal:orders}).
 * A scope must be one of {@link Scopes#SERVICE_SCOPES}; a client without scopes gets no token.
 */
@Component
public class ClientCredentialsService {

    private static final Logger log = LoggerFactory.getLogger(ClientCredentialsService.class);
    private static final String LOCAL_DEV_SECRET = "local-dev-service-secret";
    /** Compared against when the client id is unknown, so that takes as long as a wrong secret. */
    private static final byte[] NO_SECRET = digest("no client has this secret");

    private final Map<String, byte[]> secretDigests = new LinkedHashMap<>();
    private final Map<String, Set<String>> allowedScopes = new LinkedHashMap<>();

    public ClientCredentialsService(AuthProperties properties) {
        for (String entry : properties.serviceClients().split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "SERVICE_CLIENTS entries must look like client_id:secret, got '" + redact(trimmed) + "'");
            }
            secretDigests.put(trimmed.substring(0, colon).strip(), digest(trimmed.substring(colon + 1)));
        }
        if (secretDigests.values().stream().anyMatch(d -> MessageDigest.isEqual(d, digest(LOCAL_DEV_SECRET)))) {
            log.warn("Some service clients use the local-dev secret: set SERVICE_CLIENTS outside local development");
        }
        parseScopes(properties.serviceClientScopes());
    }

    private void parseScopes(String configured) {
        if (configured == null || configured.isBlank()) {
            return;
        }
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(
                        "SERVICE_CLIENT_SCOPES entries must look like client_id=scope scope, got '" + trimmed + "'");
            }
            String clientId = trimmed.substring(0, equals).strip();
            Set<String> scopes = new LinkedHashSet<>();
            for (String scope : trimmed.substring(equals + 1).strip().split("\\s+")) {
                if (scope.isEmpty()) {
                    continue;
                }
                if (!Scopes.SERVICE_SCOPES.contains(scope)) {
                    throw new IllegalArgumentException("SERVICE_CLIENT_SCOPES: unknown scope '" + scope + "' for "
                            + clientId + " (known: " + new TreeSet<>(Scopes.SERVICE_SCOPES) + ")");
                }
                scopes.add(scope);
            }
            if (allowedScopes.containsKey(clientId)) {
                throw new IllegalArgumentException("SERVICE_CLIENT_SCOPES names " + clientId + " twice");
            }
            // in configured order, for the token's scope claim
            allowedScopes.put(clientId, Collections.unmodifiableSet(scopes));
            if (!secretDigests.containsKey(clientId)) {
                log.warn("SERVICE_CLIENT_SCOPES grants scopes to {}, which is not in SERVICE_CLIENTS", clientId);
            }
        }
    }

    /** The scopes this client may obtain, in configured order; empty for a client granted none. */
    public Set<String> allowedScopes(String clientId) {
        return allowedScopes.getOrDefault(clientId, Set.of());
    }

    /**
     * Constant-time: both sides are hashed first (equal lengths), compared with {@link
     * MessageDigest#isEqual}, and an unknown client costs the same as a known one.
     */
    public boolean authenticate(String clientId, String secret) {
        byte[] expected = secretDigests.getOrDefault(clientId, NO_SECRET);
        boolean secretMatches = MessageDigest.isEqual(expected, digest(secret));
        return secretMatches && secretDigests.containsKey(clientId);
    }

    private static String redact(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon + 1) + "***";
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
