package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.livedrop.common.test.TestKafka;
import io.livedrop.common.test.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real restarts: whole application contexts on a database of their own. Two instances starting
 * together on an empty database create one key between them; an instance started later on the same
 * database signs with that key and accepts the tokens the first ones issued.
 */
class KeyPersistenceTests {

    @Test
    void keysSurviveRestartsAndConcurrentFirstStarts() throws Exception {
        String database = TestPostgres.isolatedJdbcUrl("keyrestart");

        List<ConfigurableApplicationContext> firstStart = startConcurrently(database, 2);
        String token;
        String kid;
        try {
            assertThat(jdbc(firstStart.get(0))
                            .sql("select count(*) from signing_key")
                            .query(Long.class)
                            .single())
                    .as("one key for two instances")
                    .isEqualTo(1);
            var one = client(firstStart.get(0));
            var two = client(firstStart.get(1));
            kid = publishedKid(one);
            assertThat(publishedKid(two)).isEqualTo(kid);
            token = one.register().accessToken();
            assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(kid);
            assertThat(two.get("/api/users/me", token).status())
                    .as("the other instance accepts it")
                    .isEqualTo(200);
        } finally {
            firstStart.forEach(ConfigurableApplicationContext::close);
        }

        // restarted with another access-token lifetime, set the way operators set it
        try (ConfigurableApplicationContext restarted = start(database, "--ACCESS_TOKEN_TTL=PT7M")) {
            var client = client(restarted);
            assertThat(publishedKid(client)).isEqualTo(kid);
            assertThat(client.get("/api/users/me", token).status())
                    .as("a token issued before the restart")
                    .isEqualTo(200);

            var registered = client.post(
                    "/api/auth/register",
                    Map.of("email", AuthApi.uniqueEmail(), "password", "s3cret-pass", "name", "Ada"),
                    null);
            SignedJWT jwt = SignedJWT.parse(registered.text("accessToken"));
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(kid);
            assertThat(registered.body().path("expiresIn").asLong()).isEqualTo(420);
            var claims = jwt.getJWTClaimsSet();
            assertThat(claims.getExpirationTime().getTime()
                            - claims.getIssueTime().getTime())
                    .isEqualTo(420_000);
        }
    }

    private static List<ConfigurableApplicationContext> startConcurrently(String database, int instances)
            throws Exception {
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Future<ConfigurableApplicationContext>> futures = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                futures.add(pool.submit(() -> start(database)));
            }
            Exception failure = null;
            for (Future<ConfigurableApplicationContext> future : futures) {
                try {
                    started.add(future.get());
                } catch (Exception e) {
                    failure = e;
                }
            }
            if (failure != null) {
                started.forEach(ConfigurableApplicationContext::close);
                throw failure;
            }
        }
        return started;
    }

    /** Command-line arguments: they outrank application.yml, as the environment does in production. */
    static ConfigurableApplicationContext start(String database, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestPostgres.username(),
                "--spring.datasource.password=" + TestPostgres.password(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                // these instances must not consume the events meant for the shared test context,
                // nor change the topics it uses (the shared context's partition count)
                "--spring.kafka.listener.auto-startup=false",
                "--livedrop.kafka.partitions=3"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(AuthServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static AuthApi client(ConfigurableApplicationContext context) {
        return new AuthApi(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    private static String publishedKid(AuthApi client) throws Exception {
        var keys =
                JWKSet.parse(client.get("/.well-known/jwks.json", null).raw()).getKeys();
        assertThat(keys).hasSize(1);
        return keys.get(0).getKeyID();
    }
}
