package io.livedrop.auth.token.web;

import io.livedrop.auth.token.application.KeyRotationService;
import io.livedrop.auth.token.application.SigningKeyService;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys every resource server (gateway and services) validates tokens with. */
@RestController
class JwksController {

    /**
     * Resource servers re-fetch on an unknown {@code kid} anyway; the short max-age only bounds how
     * long an HTTP cache in between could hide a key added by {@link KeyRotationService#rotateNow()}.
     */
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final SigningKeyService keys;

    JwksController(SigningKeyService keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CACHE).body(keys.publicJwks().toJSONObject(true));
    }
}
