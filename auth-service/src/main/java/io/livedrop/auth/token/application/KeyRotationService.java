package io.livedrop.auth.token.application;

import io.livedrop.auth.token.domain.KeyRotationPolicy;
import io.livedrop.auth.token.domain.PrivateKeyCipher;
import io.livedrop.auth.token.persistence.SigningKeyRepository;
import io.livedrop.common.ids.Ids;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates signing keys: the first one when the database has none (on start-up; two instances starting
 * together create one key between them, serialised by an advisory lock), and a successor when the
 * newest key is older than {@code rotation-interval}. A scheduled successor is published {@code
 * activation-delay} before it signs, so every instance and every resource server can know it first;
 * its predecessor keeps being published for {@code retired-key-retention} after that.
 */
@Component
public class KeyRotationService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationService.class);
    private static final int RSA_BITS = 2048;

    private final SigningKeyRepository repository;
    private final PrivateKeyCipher cipher;
    private final SigningKeyService keys;
    private final TransactionTemplate transactions;
    private final KeyRotationPolicy rotationPolicy;
    private final Clock clock;

    public KeyRotationService(
            SigningKeyRepository repository,
            PrivateKeyCipher cipher,
            SigningKeyService keys,
            TransactionTemplate transactions,
            AuthProperties properties,
            Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.keys = keys;
        this.transactions = transactions;
        this.rotationPolicy = new KeyRotationPolicy(
                properties.keys().rotationInterval(), properties.keys().activationDelay());
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        ensureActiveKey();
    }

    /** Creates a key that signs from now on unless one is already active. */
    public void ensureActiveKey() {
        transactions.executeWithoutResult(status -> {
            repository.lockKeyManagement();
            Instant now = clock.instant();
            if (!repository.hasKeyActiveAt(now)) {
                String kid = create(now, now);
                log.info("Created the first signing key {}", kid);
            }
        });
        keys.reload();
    }

    /** Schedules a successor when the newest key is older than the rotation interval. */
    public void rotateIfDue() {
        transactions.executeWithoutResult(status -> {
            repository.lockKeyManagement();
            Instant now = clock.instant();
            if (rotationPolicy.isDue(repository.newestCreatedAt(), now)) {
                Instant activatesAt = rotationPolicy.activationOf(now);
                String kid = create(now, activatesAt);
                log.info("Scheduled rotation: signing key {} is published now and signs from {}", kid, activatesAt);
            }
        });
        keys.reload();
    }

    /**
     * Creates a key that signs immediately (tests; an operator replacing a key at once). Other instances
     * start publishing it within {@code reload-interval}, or as soon as they see a token it signed.
     */
    public String rotateNow() {
        return rotate(Duration.ZERO);
    }

    /** Creates a successor that is published now and signs after {@code activationDelay}. */
    public String rotate(Duration activationDelay) {
        String kid = transactions.execute(status -> {
            repository.lockKeyManagement();
            Instant now = clock.instant();
            return create(now, now.plus(activationDelay));
        });
        keys.reload();
        log.info("Rotation: signing key {} signs from {} on", kid, activationDelay.isZero() ? "now" : activationDelay);
        return kid;
    }

    private String create(Instant createdAt, Instant activatesAt) {
        KeyPair pair = generate();
        String kid = Ids.newId().toString();
        repository.insert(
                kid,
                pair.getPublic().getEncoded(),
                cipher.encrypt(pair.getPrivate().getEncoded(), kid),
                createdAt,
                activatesAt);
        return kid;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
