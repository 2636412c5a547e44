package io.livedrop.deploy;

import static io.livedrop.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service is deployable and operable on Kubernetes; the messaging and data layer match the contracts. */
class KubernetesManifestsTests {

    static final Path BASE = Manifests.root().resolve("k8s/base");
    static final List<Map<String, Object>> DOCUMENTS = Manifests.documentsUnder(BASE);

    static Stream<String> services() {
        return Stream.of(
                "gateway-service",
                "auth-service",
                "catalog-service",
                "follower-service",
                "inventory-service",
                "order-service",
                "payment-service",
                "notification-service");
    }

    @ParameterizedTest
    @MethodSource("services")
    void deploymentHasProbesResourcesConfigAndSpread(String service) {
        Map<String, Object> deployment = find("Deployment", service);
        Map<String, Object> container = at(deployment, "spec.template.spec.containers.0");

        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat((Object) at(container, "startupProbe.httpGet.path")).isNotNull();
        assertThat((Object) at(container, "resources.requests.cpu")).isNotNull();
        assertThat((Object) at(container, "resources.requests.memory")).isNotNull();
        assertThat((Object) at(container, "resources.limits.memory")).isNotNull();
        assertThat(envFromNames(container)).contains("livedrop-config", "livedrop-secrets");
        assertThat((List<?>) at(deployment, "spec.template.spec.topologySpreadConstraints"))
                .isNotEmpty();
        assertThat((Integer) at(deployment, "spec.template.spec.terminationGracePeriodSeconds"))
                .isGreaterThan(20);
        assertThat((Map<String, Object>) at(deployment, "spec.template.metadata.labels"))
                .containsEntry("app.kubernetes.io/name", service);
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceHpaAndPdbTargetTheDeployment(String service) {
        Map<String, Object> podLabels = at(find("Deployment", service), "spec.template.metadata.labels");

        assertThat(podLabels).containsAllEntriesOf(at(find("Service", service), "spec.selector"));
        assertThat((String) at(find("HorizontalPodAutoscaler", service), "spec.scaleTargetRef.name"))
                .isEqualTo(service);
        assertThat((Integer) at(find("HorizontalPodAutoscaler", service), "spec.minReplicas"))
                .isGreaterThanOrEqualTo(2);
        assertThat(podLabels)
                .containsAllEntriesOf(at(find("PodDisruptionBudget", service), "spec.selector.matchLabels"));
    }

    @Test
    void kafkaTopicsAreExactlyTheTopicsOfTheEventContractWithReplicationFactorThree() {
        List<Map<String, Object>> topics = ofKind("KafkaTopic");
        Set<String> expected = Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, t + Topics.DEAD_LETTER_SUFFIX))
                .collect(Collectors.toSet());

        assertThat(topics.stream().map(t -> (String) at(t, "spec.topicName")).collect(Collectors.toSet()))
                .isEqualTo(expected);
        assertThat(topics).allSatisfy(topic -> {
            assertThat((Integer) at(topic, "spec.replicas")).isEqualTo(3);
            assertThat(((Map<?, ?>) at(topic, "metadata.labels")).get("strimzi.io/cluster"))
                    .isEqualTo("livedrop");
        });
    }

    @Test
    void everyServiceDatabaseExistsInThePostgresCluster() {
        Set<String> databases = ofKind("Database").stream()
                .map(d -> (String) at(d, "spec.name"))
                .collect(Collectors.toSet());
        databases.add(at(find("Cluster", "livedrop-postgres"), "spec.bootstrap.initdb.database"));

        List<String> urls = ofKind("Deployment").stream()
                .flatMap(d -> ((List<Map<String, Object>>) at(d, "spec.template.spec.containers.0.env")).stream())
                .filter(env -> "DB_URL".equals(env.get("name")))
                .map(env -> (String) env.get("value"))
                .toList();
        assertThat(urls).hasSize(7);
        assertThat(urls).allSatisfy(url -> assertThat(databases).contains(url.substring(url.lastIndexOf('/') + 1)));
        assertThat((Integer) at(find("Cluster", "livedrop-postgres"), "spec.instances"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void ingressExposesOnlyTheGateway() {
        List<Map<String, Object>> ingresses = ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        assertThat((String) at(ingresses.getFirst(), "spec.rules.0.http.paths.0.backend.service.name"))
                .isEqualTo("gateway-service");
    }

    @Test
    void prometheusRuleCarriesTheSameAlertsAsTheComposePrometheus() {
        Object composeRules = at(
                Manifests.documentsOf(Manifests.root().resolve("deploy/prometheus/alerts.yml"))
                        .getFirst(),
                "groups");
        assertThat((Object) at(find("PrometheusRule", "livedrop-alerts"), "spec.groups"))
                .isEqualTo(composeRules);
        assertThat(ofKind("ServiceMonitor")).isNotEmpty();
    }

    @Test
    void everyKustomizationResourceExists() throws Exception {
        try (Stream<Path> files = Files.walk(Manifests.root().resolve("k8s"))) {
            for (Path kustomization : files.filter(
                            f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                List<String> resources = at(Manifests.documentsOf(kustomization).getFirst(), "resources");
                assertThat(resources)
                        .as(kustomization.toString())
                        .allSatisfy(
                                resource -> assertThat(kustomization.getParent().resolve(resource))
                                        .exists());
            }
        }
    }

    private static List<String> envFromNames(Map<String, Object> container) {
        List<Map<String, Object>> envFrom = at(container, "envFrom");
        return envFrom.stream()
                .map(source -> source.containsKey("configMapRef")
                        ? (String) at(source, "configMapRef.name")
                        : (String) at(source, "secretRef.name"))
                .toList();
    }

    static List<Map<String, Object>> ofKind(String kind) {
        return DOCUMENTS.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(at(d, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }
}
