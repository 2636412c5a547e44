package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.common.config.LocalDevSecretsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Issue 15, item 7, with auth-service's own configuration: under the {@code production} profile its
 * local-dev {@code SIGNING_KEY_SECRET} and {@code SERVICE_CLIENTS} defaults stop the start, like the
 * shared secrets do. It neither signs cursors nor calls another service's internal API, so it needs
 * no {@code CURSOR_SECRET} and no {@code SERVICE_CLIENT_SECRET} (its Deployment mounts neither). The
 * application is stopped right after the check (before any bean, database or port), by a listener on
 * the event that follows the context initializers.
 */
class ProductionProfileTests {

    @Test
    void productionRefusesTheLocalDevSigningKeySecretAndServiceClients() {
        assertThatThrownBy(ProductionProfileTests::startUntilPrepared)
                .isInstanceOf(LocalDevSecretsException.class)
                .hasMessageContaining("SIGNING_KEY_SECRET")
                .hasMessageContaining("SERVICE_CLIENTS")
                .hasMessageNotContaining("CURSOR_SECRET")
                .hasMessageNotContaining("SERVICE_CLIENT_SECRET");
    }

    @Test
    void productionWithItsOwnRealSecretsPassesTheCheckWithoutCursorOrServiceClientSecrets() {
        assertThatThrownBy(() -> startUntilPrepared(
                        "SIGNING_KEY_SECRET=0f6b2d8e4a1c7f3b9d5e1a7c3f9b5d1e7a3c9f5b",
                        "SERVICE_CLIENTS=order-service:7d3f9b1e5a2c8d4f6b0e2a4c6d8f0b2e"))
                .isInstanceOf(Prepared.class);
    }

    private static void startUntilPrepared(String... properties) {
        new SpringApplicationBuilder(AuthServiceApplication.class)
                .profiles("production")
                .properties(properties)
                // should anything get past the listener: nothing local is touched
                .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
                .listeners((ApplicationListener<ApplicationPreparedEvent>) prepared -> {
                    throw new Prepared();
                })
                .run();
    }

    /** The start got past the context initializers (the check) without a refusal. */
    static final class Prepared extends RuntimeException {
        Prepared() {
            super("prepared", null, false, false);
        }
    }
}
