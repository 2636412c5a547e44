package io.livedrop.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 15, item 7: with {@code SPRING_PROFILES_ACTIVE=production} a service refuses to start while a
 * secret still has its local-development default, and names the variable. Real Spring applications
 * (common-lib's {@code spring.factories}: {@code livedrop-defaults.yml} and the check), without
 * auto-configuration, so nothing but the environment is involved.
 */
class ProductionSecretsCheckTests {

    private static final String REAL_SERVICE_SECRET = "SERVICE_CLIENT_SECRET=4f9c1e0a7b2d8c6e5a3f1b9d7c5e3a1f";
    private static final String REAL_CURSOR_SECRET = "CURSOR_SECRET=b8d2f4a6c8e0a2c4e6b8d0f2a4c6e8b0";

    /*
     * What the services that use them write in their application.yml (order-service: both;
     * payment-service: the service credential; catalog, follower, notification: the cursor secret).
     */
    private static final String SERVICE_CREDENTIAL =
            "livedrop.service-credentials.client-secret=${SERVICE_CLIENT_SECRET:local-dev-service-secret}";
    private static final String CURSOR = "livedrop.cursor.secret=${CURSOR_SECRET:local-dev-cursor-secret-change-me}";

    @Test
    void productionWithTheDefaultSecretsRefusesToStartNamingTheVariables() {
        assertThatThrownBy(() -> start(true, SERVICE_CREDENTIAL, CURSOR))
                .isInstanceOf(LocalDevSecretsException.class)
                .hasMessageContaining("SERVICE_CLIENT_SECRET (livedrop.service-credentials.client-secret)")
                .hasMessageContaining("CURSOR_SECRET (livedrop.cursor.secret)")
                // never the secret itself
                .hasMessageNotContaining("local-dev-service-secret")
                .hasMessageNotContaining("local-dev-cursor-secret-change-me");
    }

    @Test
    void oneDefaultSecretIsEnoughToRefuse() {
        assertThatThrownBy(() -> start(true, SERVICE_CREDENTIAL, CURSOR, REAL_SERVICE_SECRET))
                .isInstanceOf(LocalDevSecretsException.class)
                .hasMessageContaining("CURSOR_SECRET")
                .hasMessageNotContaining("SERVICE_CLIENT_SECRET");
    }

    @Test
    void productionWithRealSecretsStarts() {
        try (ConfigurableApplicationContext context =
                start(true, SERVICE_CREDENTIAL, CURSOR, REAL_SERVICE_SECRET, REAL_CURSOR_SECRET)) {
            assertThat(context.isActive()).isTrue();
            assertThat(context.getEnvironment().getProperty("livedrop.cursor.secret"))
                    .isEqualTo("b8d2f4a6c8e0a2c4e6b8d0f2a4c6e8b0");
        }
    }

    /**
     * common-lib's shared defaults hold no secret: a service that neither signs cursors nor calls
     * another service's internal API (gateway, auth, inventory...) starts in production without
     * CURSOR_SECRET and SERVICE_CLIENT_SECRET, which its Deployment no longer mounts.
     */
    @Test
    void aServiceThatUsesNeitherSecretStartsInProductionWithoutThem() {
        try (ConfigurableApplicationContext context = start(true)) {
            assertThat(context.isActive()).isTrue();
            assertThat(context.getEnvironment().containsProperty("livedrop.cursor.secret"))
                    .isFalse();
            assertThat(context.getEnvironment().containsProperty("livedrop.service-credentials.client-secret"))
                    .isFalse();
        }
    }

    @Test
    void withoutTheProductionProfileTheLocalDefaultsAreFine() {
        try (ConfigurableApplicationContext context = start(false, SERVICE_CREDENTIAL, CURSOR)) {
            assertThat(context.getEnvironment().getProperty("livedrop.cursor.secret"))
                    .isEqualTo("local-dev-cursor-secret-change-me");
        }
    }

    /** The secrets of one service's own configuration (auth-service's, catalog-service's) count too. */
    @Test
    void serviceSpecificSecretsAreChecked() {
        assertThatThrownBy(() -> start(
                        true,
                        REAL_SERVICE_SECRET,
                        REAL_CURSOR_SECRET,
                        "livedrop.auth.keys.encryption-secret=${SIGNING_KEY_SECRET:local-dev-signing-key-secret-change-me}",
                        "livedrop.auth.service-clients=${SERVICE_CLIENTS:order-service:local-dev-service-secret}",
                        "livedrop.catalog.images.secret-key=${S3_SECRET_KEY:minioadmin}",
                        "livedrop.catalog.images.bucket=${S3_BUCKET:livedrop-images}"))
                .isInstanceOf(LocalDevSecretsException.class)
                .hasMessageContaining("SIGNING_KEY_SECRET")
                .hasMessageContaining("SERVICE_CLIENTS")
                .hasMessageContaining("S3_SECRET_KEY")
                .hasMessageNotContaining("S3_BUCKET");
    }

    @Test
    void theStartupFailureReportNamesTheVariables() {
        var failure = new LocalDevSecretsException(
                java.util.List.of(new LocalDevSecretsException.Secret("livedrop.cursor.secret", "CURSOR_SECRET")));

        FailureAnalysis analysis = new LocalDevSecretsFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("CURSOR_SECRET (livedrop.cursor.secret)");
        assertThat(analysis.getAction()).contains("livedrop-secrets");
    }

    private static ConfigurableApplicationContext start(boolean production, String... properties) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Minimal.class)
                .web(WebApplicationType.NONE)
                .properties(properties);
        if (production) {
            application.profiles(ProductionSecretsCheck.PROFILE);
        }
        return application.run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Minimal {}
}
