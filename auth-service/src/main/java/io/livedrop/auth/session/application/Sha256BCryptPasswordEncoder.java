package io.livedrop.auth.session.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * bcrypt over the Base64 of the password's SHA-256 (as passlib's {@code bcrypt_sha256} and Django's
 * {@code BCryptSHA256PasswordHasher} do). bcrypt reads at most 72 bytes, and Spring Security refuses
 * longer input, while API.md allows passwords of up to 128 characters (up to 512 bytes of UTF-8): the
 * digest gives every password, whatever its length, all of its bytes in the hash, as 44 ASCII
 * characters without NUL bytes.
 */
final class Sha256BCryptPasswordEncoder extends AbstractValidatingPasswordEncoder {

    private final BCryptPasswordEncoder bcrypt;

    Sha256BCryptPasswordEncoder(int cost) {
        this.bcrypt = new BCryptPasswordEncoder(cost);
    }

    @Override
    protected String encodeNonNullPassword(String rawPassword) {
        return bcrypt.encode(digest(rawPassword));
    }

    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        return bcrypt.matches(digest(rawPassword), encodedPassword);
    }

    @Override
    protected boolean upgradeEncodingNonNull(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private static String digest(String rawPassword) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(rawPassword.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
