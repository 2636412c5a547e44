package io.livedrop.e2e.auth;

import io.livedrop.e2e.support.Fleet;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens that auth-service really signed but that expired long ago, for the "expired token →
 * 401" check: waiting out a 15-minute token is not an option, so this reads the fleet's current signing
 * key from auth-service's database (with {@code psql}, a launcher prerequisite), decrypts it with the
 * local-dev {@code SIGNING_KEY_SECRET} the launcher runs with, and signs the token itself.
 */
final class ExpiredTokens {

    /** auth-service's local-dev default (application.yml); the e2e fleet does not override it. */
    private static final String LOCAL_DEV_SIGNING_KEY_SECRET = "local-dev-signing-key-secret-change-me";

    private ExpiredTokens() {}

    static String accessToken(String userId, Instant expiredAt) throws Exception {
        String[] row = psql("select kid, encode(private_key, 'hex') from signing_key"
                        + " where activates_at <= now() order by activates_at desc limit 1")
                .split("\\|");
        String kid = row[0];
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(decrypt(HexFormat.of().parseHex(row[1]), kid)));
        String header = json(Map.of("alg", "RS256", "kid", kid));
        String claims = "{\"sub\":\"" + userId + "\",\"iss\":\"livedrop-auth\",\"aud\":\"livedrop-api\","
                + "\"scope\":\"user\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":"
                + expiredAt.minusSeconds(900).getEpochSecond() + ",\"exp\":" + expiredAt.getEpochSecond() + "}";
        String signingInput = base64(header) + "." + base64(claims);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    /** AES-256-GCM: 12-byte nonce, then ciphertext and tag; the kid is the additional data. */
    private static byte[] decrypt(byte[] stored, String kid) throws Exception {
        byte[] secret = MessageDigest.getInstance("SHA-256")
                .digest(("livedrop-signing-key:" + LOCAL_DEV_SIGNING_KEY_SECRET).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(secret, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(stored, 0, 12)));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(stored, 12, stored.length - 12);
    }

    private static String psql(String sql) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "psql",
                        "-h",
                        env("LIVEDROP_PG_HOST", "127.0.0.1"),
                        "-p",
                        env("LIVEDROP_PG_PORT", "5432"),
                        "-U",
                        env("LIVEDROP_PG_USER", "postgres"),
                        "-d",
                        authDatabase(),
                        "-AtF",
                        "|",
                        "-c",
                        sql)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || output.isEmpty()) {
            throw new IllegalStateException("psql could not read the signing key: " + output);
        }
        return output;
    }

    /**
     * The fleet's auth database: its prefix is in the launcher environment Fleet keeps to itself (read
     * reflectively until Fleet offers it), or the launcher default for a fleet started outside the tests.
     */
    @SuppressWarnings("unchecked")
    private static String authDatabase() {
        String prefix = env("LIVEDROP_DB_PREFIX", "livedrop_");
        try {
            Field field = Fleet.class.getDeclaredField("environment");
            field.setAccessible(true);
            prefix = ((Map<String, String>) field.get(Fleet.shared())).getOrDefault("LIVEDROP_DB_PREFIX", prefix);
        } catch (ReflectiveOperationException | RuntimeException noSuchField) {
            // keep the default
        }
        return prefix + "auth";
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":\"")
                .append(value)
                .append('"'));
        return json.append('}').toString();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
