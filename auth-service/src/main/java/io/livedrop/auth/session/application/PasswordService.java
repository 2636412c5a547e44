package io.livedrop.auth.session.application;

import io.livedrop.auth.token.application.AuthProperties;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes in Spring Security's {@code {id}hash} format ({@link DelegatingPasswordEncoder}):
 * new hashes are {@code {bcrypt-sha256}} (see {@link Sha256BCryptPasswordEncoder}); plain {@code
 * {bcrypt}} hashes, as {@code PasswordEncoderFactories} writes them, are still verified and replaced at
 * the next sign-in. bcrypt rather than Argon2id: Argon2 needs BouncyCastle (not managed by our BOMs) and
 * 16 MiB per hash, which a burst of sign-ins would take from a 384-512 MB heap.
 *
 * <p>Also answers sign-ins for unknown emails with the same work as for known ones: a hash of a
 * password nobody has is checked instead, so response time does not reveal whether an email exists.
 */
@Component
public class PasswordService {

    private static final String DEFAULT_ID = "bcrypt-sha256";

    private final PasswordEncoder encoder;
    private final String unknownUserHash;

    public PasswordService(AuthProperties properties) {
        this.encoder = new DelegatingPasswordEncoder(
                DEFAULT_ID,
                Map.of(
                        DEFAULT_ID,
                        new Sha256BCryptPasswordEncoder(properties.bcryptCost()),
                        "bcrypt",
                        new BCryptPasswordEncoder(properties.bcryptCost())));
        this.unknownUserHash = encoder.encode("no user has this password " + java.util.UUID.randomUUID());
    }

    public String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }

    public boolean matches(String rawPassword, String storedHash) {
        return encoder.matches(rawPassword, storedHash);
    }

    /** Spends the time of one {@link #matches} on a hash that matches nothing. */
    public void matchNothing(String rawPassword) {
        encoder.matches(rawPassword, unknownUserHash);
    }

    /** Whether a hash was written with another encoder or a lower cost than we use now. */
    public boolean needsRehash(String storedHash) {
        return encoder.upgradeEncoding(storedHash);
    }
}
