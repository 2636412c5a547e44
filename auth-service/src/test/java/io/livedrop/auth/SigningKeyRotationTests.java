package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.livedrop.auth.token.application.KeyRotationService;
import io.livedrop.auth.token.application.SigningKeyService;
import io.livedrop.auth.token.domain.PrivateKeyCipher;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rotation keeps issued tokens valid; keys are encrypted at rest. */
class SigningKeyRotationTests extends AuthIntegrationTest {

    @Autowired
    KeyRotationService rotation;

    @Autowired
    SigningKeyService keys;

    @Test
    void afterRotationNewTokensUseTheNewKeyAndOldTokensStayValid() throws Exception {
        var before = api.register();
        String oldKid = kidOf(before.accessToken());

        String newKid = rotation.rotateNow();
        var after = api.login(before.email(), before.password());

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(kidOf(after.text("accessToken"))).isEqualTo(newKid);
        assertThat(publishedKids()).contains(oldKid, newKid);
        assertThat(api.get("/api/users/me", before.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/users/me", after.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void aScheduledSuccessorIsPublishedBeforeItSigns() throws Exception {
        String signing = keys.current().kid();

        String upcoming = rotation.rotate(Duration.ofMinutes(5));

        assertThat(publishedKids()).contains(signing, upcoming);
        assertThat(kidOf(api.register().accessToken())).isEqualTo(signing);
    }

    @Test
    void rotationIsDueWhenTheNewestKeyIsOlderThanTheInterval() {
        long before = keyCount();
        rotation.rotateIfDue();
        assertThat(keyCount()).as("the newest key is fresh").isEqualTo(before);

        // age every key past the 30-day rotation interval
        jdbc.sql("""
                        update signing_key
                           set created_at = created_at - interval '31 days',
                               activates_at = activates_at - interval '31 days'
                        """).update();
        rotation.rotateIfDue();

        assertThat(keyCount()).isEqualTo(before + 1);
        var newest = jdbc.sql("""
                        select extract(epoch from activates_at - created_at)::bigint as delay
                          from signing_key order by created_at desc limit 1
                        """).query(Long.class).single();
        assertThat(newest).as("published activation-delay ahead").isEqualTo(300);
        // the keys moved back in time are still valid signers until the successor activates
        assertThat(api.get("/api/users/me", api.register().accessToken()).status())
                .isEqualTo(200);
    }

    @Test
    void privateKeysAreEncryptedAtRest() {
        String kid = keys.current().kid();
        byte[] stored = jdbc.sql("select private_key from signing_key where kid = :kid")
                .param("kid", kid)
                .query(byte[].class)
                .single();

        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(stored)))
                .as("not a plain PKCS#8 key")
                .isInstanceOf(Exception.class);
        byte[] pkcs8 = new PrivateKeyCipher("local-dev-signing-key-secret-change-me").decrypt(stored, kid);
        assertThat(pkcs8).isNotEmpty();
        assertThatThrownBy(() -> new PrivateKeyCipher("another secret").decrypt(stored, kid))
                .hasMessageContaining("SIGNING_KEY_SECRET");
        assertThatThrownBy(() ->
                        new PrivateKeyCipher("local-dev-signing-key-secret-change-me").decrypt(stored, "another-kid"))
                .as("bound to its kid")
                .isInstanceOf(IllegalStateException.class);
    }

    private List<String> publishedKids() throws Exception {
        return JWKSet.parse(api.get("/.well-known/jwks.json", null).raw()).getKeys().stream()
                .map(key -> key.getKeyID())
                .toList();
    }

    private long keyCount() {
        return jdbc.sql("select count(*) from signing_key").query(Long.class).single();
    }

    private static String kidOf(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
