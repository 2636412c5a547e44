package io.livedrop.auth.token.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.livedrop.auth.token.domain.PrivateKeyCipher;
import io.livedrop.auth.token.domain.SigningKey;
import io.livedrop.auth.token.persistence.SigningKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * This instance's view of the signing keys: which one signs now, which ones are published. The keys
 * live in PostgreSQL; this class holds a snapshot that it re-reads every {@code reload-interval}, after a
 * rotation on this instance, and when asked to verify a token whose {@code kid} it does not know.
 */
@Component
public class SigningKeyService {

    /** At most one database read per second for unknown {@code kid}s (they may be forged). */
    private static final Duration RELOAD_ON_MISS_COOLDOWN = Duration.ofSeconds(1);

    private final SigningKeyRepository repository;
    private final PrivateKeyCipher cipher;
    private final Duration retiredKeyRetention;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.EPOCH);

    public SigningKeyService(
            SigningKeyRepository repository, PrivateKeyCipher cipher, AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.retiredKeyRetention = properties.keys().retiredKeyRetention();
        this.clock = clock;
    }

    private record Snapshot(List<SigningKey> keys, Instant loadedAt) {}

    /** The key that signs now. */
    public SigningKey current() {
        Instant now = clock.instant();
        return findSigning(snapshot, now).orElseGet(() -> {
            reload();
            return findSigning(snapshot, now)
                    .orElseThrow(() -> new IllegalStateException("no active signing key in the database"));
        });
    }

    /** Upcoming, current and recently replaced keys: what the JWKS serves. */
    public List<SigningKey> published() {
        Instant now = clock.instant();
        return snapshot.keys().stream()
                .filter(key -> key.publishedAt(now, retiredKeyRetention))
                .toList();
    }

    /** The public keys of {@link #published()}, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwks() {
        return new JWKSet(published().stream().<JWK>map(SigningKey::publicJwk).toList());
    }

    /**
     * The public keys a token of this service is verified with: the published ones, re-read once when
     * the token names a key this instance has not loaded yet (another instance just rotated).
     */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = selector.select(publicJwks());
            if (found.isEmpty() && hasKeyId(selector) && reloadedLongerAgoThan(RELOAD_ON_MISS_COOLDOWN)) {
                reload();
                found = selector.select(publicJwks());
            }
            return found;
        };
    }

    /** Re-reads the keys from the database (also every {@code reload-interval}: SigningKeyScheduler). */
    public synchronized void reload() {
        Instant now = clock.instant();
        Map<String, SigningKey> loaded = new HashMap<>();
        snapshot.keys().forEach(key -> loaded.put(key.kid(), key));
        List<SigningKey> keys = repository.findRetiredAfter(now.minus(retiredKeyRetention)).stream()
                .map(row -> toKey(row, loaded.get(row.kid())))
                .toList();
        snapshot = new Snapshot(keys, now);
    }

    private SigningKey toKey(SigningKeyRepository.Row row, SigningKey alreadyLoaded) {
        if (alreadyLoaded != null) {
            // decrypt each key once; only its retirement can change
            return Objects.equals(alreadyLoaded.retiredAt(), row.retiredAt())
                    ? alreadyLoaded
                    : new SigningKey(
                            alreadyLoaded.kid(),
                            alreadyLoaded.jwk(),
                            row.activatesAt(),
                            row.retiredAt(),
                            alreadyLoaded.encoder());
        }
        RSAKey jwk = toJwk(row.kid(), row.publicKey(), cipher.decrypt(row.encryptedPrivateKey(), row.kid()));
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        return new SigningKey(row.kid(), jwk, row.activatesAt(), row.retiredAt(), encoder);
    }

    static RSAKey toJwk(String kid, byte[] x509PublicKey, byte[] pkcs8PrivateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(x509PublicKey));
            var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " is not a valid RSA key pair", e);
        }
    }

    private static java.util.Optional<SigningKey> findSigning(Snapshot snapshot, Instant now) {
        return snapshot.keys().stream().filter(key -> key.signsAt(now)).findFirst();
    }

    private static boolean hasKeyId(JWKSelector selector) {
        return selector.getMatcher().getKeyIDs() != null
                && !selector.getMatcher().getKeyIDs().isEmpty();
    }

    private boolean reloadedLongerAgoThan(Duration cooldown) {
        return snapshot.loadedAt().plus(cooldown).isBefore(clock.instant());
    }
}
