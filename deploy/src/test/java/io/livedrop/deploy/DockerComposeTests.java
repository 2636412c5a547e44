package io.livedrop.deploy;

import static io.livedrop.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `docker compose up` brings up the whole fleet in dependency order, each part health-checked. */
class DockerComposeTests {

    static final Map<String, Object> COMPOSE = Manifests.documentsOf(
                    Manifests.root().resolve("docker-compose.yml"))
            .getFirst();
    static final List<String> SERVICES = List.of(
            "gateway-service",
            "auth-service",
            "catalog-service",
            "follower-service",
            "inventory-service",
            "order-service",
            "payment-service",
            "notification-service");

    @Test
    void runsTheFleetAndItsInfrastructure() {
        Map<String, Object> services = at(COMPOSE, "services");
        assertThat(services).containsKeys("postgres", "redis", "kafka", "minio", "prometheus", "grafana", "jaeger");
        assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
    }

    @Test
    void everyContainerHasAHealthCheckAndWaitsForHealthyDependencies() {
        Map<String, Map<String, Object>> services = at(COMPOSE, "services");
        services.forEach((name, service) -> {
            if (name.endsWith("-setup")) {
                return;
            }
            assertThat((Object) at(service, "healthcheck.test")).as(name).isNotNull();
            Map<String, Map<String, Object>> dependsOn = at(service, "depends_on");
            if (dependsOn != null) {
                dependsOn.forEach((dependency, condition) -> {
                    assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                    assertThat(condition.get("condition")).isEqualTo("service_healthy");
                });
            }
        });
    }

    @Test
    void servicesAreBuiltFromTheOneDockerfileAndReachTheirOwnDatabase() throws Exception {
        String initSql = Files.readString(Manifests.root().resolve("deploy/docker/postgres-init.sql"));
        for (String name : SERVICES) {
            Map<String, Object> service = at(COMPOSE, "services." + name);
            assertThat((String) at(service, "build.context")).isEqualTo(".");
            assertThat((String) at(service, "build.args.SERVICE")).isEqualTo(name);
            String dbUrl = at(service, "environment.DB_URL");
            if (!name.equals("gateway-service")) {
                assertThat(initSql).contains("create database " + dbUrl.substring(dbUrl.lastIndexOf('/') + 1) + ";");
            }
            String port = at(service, "environment.SERVER_PORT");
            List<String> healthcheck = at(service, "healthcheck.test");
            assertThat(String.join(" ", healthcheck)).contains("localhost:" + port + "/actuator/health/readiness");
        }
    }

    /** A hot standby cloned from postgres; the services read their own database there and do not wait for it. */
    @Test
    void replicaReadersReadTheirOwnDatabaseOnTheStreamingReplica() {
        Map<String, Object> replica = at(COMPOSE, "services.postgres-replica");
        assertThat((String) at(replica, "depends_on.postgres.condition")).isEqualTo("service_healthy");
        for (String name : List.of("catalog-service", "follower-service", "notification-service")) {
            String dbUrl = at(COMPOSE, "services." + name + ".environment.DB_URL");
            String database = dbUrl.substring(dbUrl.lastIndexOf('/') + 1);
            assertThat((String) at(COMPOSE, "services." + name + ".environment.DB_READ_URL"))
                    .isEqualTo("jdbc:postgresql://postgres-replica:5432/" + database);
            assertThat((Object) at(COMPOSE, "services." + name + ".depends_on.postgres-replica"))
                    .as(name + " starts without the replica")
                    .isNull();
        }
    }

    @Test
    void gatewayStartsLastAndIsTheOnlyPublishedService() {
        Map<String, Object> dependsOn = at(COMPOSE, "services.gateway-service.depends_on");
        assertThat(dependsOn).containsKeys(SERVICES.subList(1, SERVICES.size()).toArray(String[]::new));
        for (String name : SERVICES.subList(1, SERVICES.size())) {
            assertThat((Object) at(COMPOSE, "services." + name + ".ports"))
                    .as(name)
                    .isNull();
        }
    }

    @Test
    void gatewayMetricsAreScrapedFromItsUnpublishedManagementPort() {
        String managementPort = at(COMPOSE, "services.gateway-service.environment.MANAGEMENT_PORT");
        String config = at(
                        Manifests.documentsOf(Manifests.root().resolve("deploy/prometheus/prometheus.yml"))
                                .getFirst(),
                        "scrape_configs")
                .toString();
        assertThat(config).contains("gateway-service:" + managementPort).doesNotContain("gateway-service:8080");
        List<String> published = at(COMPOSE, "services.gateway-service.ports");
        assertThat(published).containsExactly("8080:8080");
    }

    @Test
    void prometheusScrapesEveryService() {
        String config = at(
                        Manifests.documentsOf(Manifests.root().resolve("deploy/prometheus/prometheus.yml"))
                                .getFirst(),
                        "scrape_configs")
                .toString();
        for (String name : SERVICES) {
            assertThat(config).contains(name + ":");
        }
    }

    @Test
    void redisRequiresAPasswordThatEveryServiceAndTheHealthCheckUse() {
        Map<String, Object> redis = at(COMPOSE, "services.redis");
        List<String> command = at(redis, "command");
        int flag = command.indexOf("--requirepass");
        assertThat(flag).as("redis-server --requirepass").isNotNegative();
        String password = command.get(flag + 1);
        assertThat(password).as("a marked local-development default").contains("local-dev");
        assertThat((String) at(redis, "environment.REDIS_PASSWORD")).isEqualTo(password);
        assertThat(String.join(" ", (List<String>) at(redis, "healthcheck.test")))
                .contains("REDISCLI_AUTH");
        for (String name : SERVICES) {
            assertThat((String) at(COMPOSE, "services." + name + ".environment.REDIS_PASSWORD"))
                    .as(name)
                    .isEqualTo(password);
        }
    }
}
