package io.livedrop.deploy;

import static io.livedrop.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every service is deployable and operable on Kubernetes; the messaging and data layer match the contracts. */
class KubernetesManifestsTests {

    static final Path BASE = Manifests.root().resolve("k8s/base");
    /** The base as kustomize renders it: the services' Deployments are one component plus patches. */
    static final List<Map<String, Object>> DOCUMENTS = Manifests.kustomize(BASE);

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
        Map<String, Object> deployment = workload(service);
        Map<String, Object> container = at(deployment, "spec.template.spec.containers.0");

        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat((Object) at(container, "startupProbe.httpGet.path")).isNotNull();
        assertThat(List.of(
                        at(container, "livenessProbe.httpGet.port"),
                        at(container, "readinessProbe.httpGet.port"),
                        at(container, "startupProbe.httpGet.port")))
                .as("probes use the management port, which the Ingress never reaches")
                .containsOnly("management");
        assertThat((Object) at(container, "resources.requests.cpu")).isNotNull();
        assertThat((Object) at(container, "resources.requests.memory")).isNotNull();
        assertThat((Object) at(container, "resources.limits.memory")).isNotNull();
        assertThat(envFromNames(container)).contains("livedrop-config");
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
        Map<String, Object> podLabels = at(workload(service), "spec.template.metadata.labels");

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

        List<String> urls = services()
                .map(KubernetesManifestsTests::workload)
                .flatMap(d -> ((List<Map<String, Object>>) at(d, "spec.template.spec.containers.0.env")).stream())
                .filter(env -> "DB_URL".equals(env.get("name")))
                .map(env -> (String) env.get("value"))
                .toList();
        assertThat(urls).hasSize(7);
        assertThat(urls).allSatisfy(url -> assertThat(databases).contains(url.substring(url.lastIndexOf('/') + 1)));
        assertThat((Integer) at(find("Cluster", "livedrop-postgres"), "spec.instances"))
                .isGreaterThanOrEqualTo(3);
    }

    /** The services with lag-tolerant reads read their own database on CloudNativePG's read-only service. */
    @SuppressWarnings("unchecked")
    @Test
    void replicaReadersReadTheirOwnDatabaseOnTheClustersStandbys() {
        String cluster = (String) at(find("Cluster", "livedrop-postgres"), "metadata.name");
        assertThat((String) at(find("ConfigMap", "livedrop-config"), "data.DB_READ_HOST"))
                .isEqualTo(cluster + "-ro");
        for (String service : List.of("catalog-service", "follower-service", "notification-service")) {
            Map<String, String> env = ((List<Map<String, Object>>)
                            at(workload(service), "spec.template.spec.containers.0.env"))
                    .stream()
                            .filter(variable -> variable.get("value") != null)
                            .collect(Collectors.toMap(v -> (String) v.get("name"), v -> (String) v.get("value")));
            String database = env.get("DB_URL").substring(env.get("DB_URL").lastIndexOf('/') + 1);
            assertThat(env.get("DB_READ_URL"))
                    .as(service)
                    .isEqualTo("jdbc:postgresql://$(DB_READ_HOST):5432/" + database);
        }
    }

    @Test
    void notificationInstancesHaveStableUniqueIdsForTheirConsumerGroups() {
        Map<String, Object> statefulSet = find("StatefulSet", "notification-service");
        List<Map<String, Object>> env = at(statefulSet, "spec.template.spec.containers.0.env");

        assertThat(env).anySatisfy(variable -> {
            assertThat(variable.get("name")).isEqualTo("NOTIFICATION_INSTANCE_ID");
            assertThat((String) at(variable, "valueFrom.fieldRef.fieldPath")).isEqualTo("metadata.name");
        });
        assertThat((String) at(find("HorizontalPodAutoscaler", "notification-service"), "spec.scaleTargetRef.kind"))
                .isEqualTo("StatefulSet");
        // sockets, not CPU, fill a notification pod first
        assertThat((String)
                        at(find("HorizontalPodAutoscaler", "notification-service"), "spec.metrics.0.pods.metric.name"))
                .isEqualTo("livedrop_notification_connections");
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
                Map<String, Object> document =
                        Manifests.documentsOf(kustomization).getFirst();
                List<String> resources =
                        new java.util.ArrayList<>(Objects.requireNonNullElse(at(document, "resources"), List.of()));
                resources.addAll(Objects.requireNonNullElse(at(document, "components"), List.of()));
                assertThat(resources)
                        .as(kustomization.toString())
                        .allSatisfy(
                                resource -> assertThat(kustomization.getParent().resolve(resource))
                                        .exists());
            }
        }
    }

    @Test
    void ingressIsDeniedByDefaultAndEveryWorkloadHasItsOwnAllowList() {
        List<Map<String, Object>> policies = ofKind("NetworkPolicy");
        assertThat(policies)
                .as("a default-deny ingress policy for the whole namespace")
                .anySatisfy(policy -> {
                    assertThat((Map<?, ?>) at(policy, "spec.podSelector")).isEmpty();
                    assertThat((List<String>) at(policy, "spec.policyTypes")).contains("Ingress");
                    assertThat((List<?>) at(policy, "spec.ingress")).isNullOrEmpty();
                });
        List<Map<String, Object>> pods = Stream.concat(
                        services().map(KubernetesManifestsTests::workload),
                        Stream.of(find("StatefulSet", "livedrop-redis")))
                .toList();
        for (Map<String, Object> workload : pods) {
            Map<String, String> labels = at(workload, "spec.template.metadata.labels");
            assertThat(policies.stream()
                            .filter(p ->
                                    !((List<?>) Objects.requireNonNullElse(at(p, "spec.ingress"), List.of())).isEmpty())
                            .filter(p -> selects(at(p, "spec.podSelector"), labels)))
                    .as("an allow policy selects the pods of %s", (Object) at(workload, "metadata.name"))
                    .isNotEmpty();
        }
    }

    @Test
    void theIngressControllerReachesOnlyTheGatewayAndEachServiceOnlyItsCallers() {
        Map<String, Set<String>> callers = new java.util.TreeMap<>();
        Set<String> namespacesReachingOnlyGateway = new java.util.HashSet<>();
        for (Map<String, Object> policy : ofKind("NetworkPolicy")) {
            List<Map<String, Object>> rules = Objects.requireNonNullElse(at(policy, "spec.ingress"), List.of());
            for (String service : services().toList()) {
                Map<String, String> labels = at(workload(service), "spec.template.metadata.labels");
                if (!selects(at(policy, "spec.podSelector"), labels)) {
                    continue;
                }
                for (Map<String, Object> rule : rules) {
                    List<Map<String, Object>> peers = Objects.requireNonNullElse(at(rule, "from"), List.of());
                    assertThat(peers)
                            .as("%s: a rule without peers allows everyone", service)
                            .isNotEmpty();
                    for (Map<String, Object> peer : peers) {
                        Map<String, Object> namespace = at(peer, "namespaceSelector.matchLabels");
                        if (namespace != null && "ingress-nginx".equals(namespace.get("kubernetes.io/metadata.name"))) {
                            assertThat(service)
                                    .as("the ingress controller reaches")
                                    .isEqualTo("gateway-service");
                            namespacesReachingOnlyGateway.add(service);
                        }
                        if (namespace == null) {
                            services()
                                    .filter(caller -> selects(
                                            at(peer, "podSelector"),
                                            at(workload(caller), "spec.template.metadata.labels")))
                                    .forEach(caller -> callers.computeIfAbsent(service, k -> new java.util.TreeSet<>())
                                            .add(caller));
                        }
                    }
                }
            }
        }
        assertThat(namespacesReachingOnlyGateway).containsExactly("gateway-service");
        Set<String> everyone = services().collect(Collectors.toSet());
        assertThat(callers)
                .as("in-namespace callers per service: the gateway's routes and docs/INTERNAL-API.md")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "auth-service", everyone,
                        "catalog-service", Set.of("gateway-service"),
                        "follower-service", Set.of("gateway-service"),
                        "inventory-service", Set.of("order-service"),
                        "order-service", Set.of("gateway-service", "payment-service"),
                        "payment-service", Set.of("gateway-service", "order-service"),
                        "notification-service", Set.of("gateway-service")));
        List<Map<String, Object>> redisPeers = at(find("NetworkPolicy", "livedrop-redis"), "spec.ingress.0.from");
        assertThat(services()
                        .filter(service -> redisPeers.stream()
                                .anyMatch(peer -> selects(
                                        at(peer, "podSelector"),
                                        at(workload(service), "spec.template.metadata.labels"))))
                        .toList())
                .containsExactlyInAnyOrder("gateway-service", "catalog-service");
    }

    @Test
    void theGatewayGetsOnlyTheSecretsItNeeds() {
        assertThat(secretsOf(workload("gateway-service")))
                .as("no signing key, no client list, no service credential, no cursor secret, no database or S3"
                        + " credentials")
                .containsExactly("livedrop-redis-auth");
    }

    /**
     * A service client secret only where a service calls another's internal API (order-service,
     * payment-service); the cursor secret only where cursors are signed (catalog, follower,
     * notification, order); the admission secret only where admission tokens are issued or checked.
     */
    @ParameterizedTest
    @MethodSource("services")
    void eachServiceGetsOnlyItsOwnSecrets(String service) {
        Set<String> expected = new java.util.HashSet<>();
        if (!service.equals("gateway-service")) {
            expected.add("livedrop-postgres-app");
        }
        if (Set.of("order-service", "payment-service").contains(service)) {
            expected.add("livedrop-service-client-" + service);
        }
        if (Set.of("catalog-service", "follower-service", "notification-service", "order-service")
                .contains(service)) {
            expected.add("livedrop-cursor");
        }
        if (Set.of("catalog-service", "order-service").contains(service)) {
            expected.add("livedrop-admission");
        }
        switch (service) {
            case "auth-service" -> expected.addAll(Set.of("livedrop-signing-key", "livedrop-service-clients"));
            case "catalog-service" -> expected.addAll(Set.of("livedrop-s3", "livedrop-redis-auth"));
            case "gateway-service" -> expected.add("livedrop-redis-auth");
            default -> {}
        }
        assertThat(secretsOf(workload(service))).isEqualTo(expected);
    }

    @Test
    void redisRequiresThePasswordOfItsSecret() {
        Map<String, Object> container = at(find("StatefulSet", "livedrop-redis"), "spec.template.spec.containers.0");
        List<String> args = at(container, "args");
        assertThat(args.get(args.indexOf("--requirepass") + 1)).isEqualTo("$(REDIS_PASSWORD)");
        assertThat(secretsOf(find("StatefulSet", "livedrop-redis"))).containsExactly("livedrop-redis-auth");
    }

    /** Every Secret a workload's pods reference: envFrom, env secretKeyRef and secret volumes. */
    private static Set<String> secretsOf(Map<String, Object> workload) {
        Set<String> names = new java.util.TreeSet<>();
        Map<String, Object> pod = at(workload, "spec.template.spec");
        List<Map<String, Object>> containers = new java.util.ArrayList<>(at(pod, "containers"));
        containers.addAll(Objects.requireNonNullElse(at(pod, "initContainers"), List.of()));
        for (Map<String, Object> container : containers) {
            for (Map<String, Object> source :
                    Objects.<List<Map<String, Object>>>requireNonNullElse(at(container, "envFrom"), List.of())) {
                if (source.containsKey("secretRef")) {
                    names.add(at(source, "secretRef.name"));
                }
            }
            for (Map<String, Object> variable :
                    Objects.<List<Map<String, Object>>>requireNonNullElse(at(container, "env"), List.of())) {
                String secret = at(variable, "valueFrom.secretKeyRef.name");
                if (secret != null) {
                    names.add(secret);
                }
            }
        }
        for (Map<String, Object> volume :
                Objects.<List<Map<String, Object>>>requireNonNullElse(at(pod, "volumes"), List.of())) {
            String secret = at(volume, "secret.secretName");
            if (secret != null) {
                names.add(secret);
            }
        }
        return names;
    }

    /** Whether a NetworkPolicy podSelector (matchLabels and In expressions) selects pods with these labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, Object> matchLabels = Objects.requireNonNullElse(at(selector, "matchLabels"), Map.of());
        List<Map<String, Object>> expressions = Objects.requireNonNullElse(at(selector, "matchExpressions"), List.of());
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))
                && expressions.stream().allMatch(e -> {
                    assertThat(e.get("operator"))
                            .as("only In expressions are understood here")
                            .isEqualTo("In");
                    return ((List<?>) e.get("values")).contains(labels.get((String) e.get("key")));
                });
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

    /** The workload of a service: a Deployment, or the StatefulSet of notification-service. */
    static Map<String, Object> workload(String service) {
        return ofKind("Deployment").stream()
                .filter(d -> service.equals(at(d, "metadata.name")))
                .findFirst()
                .orElseGet(() -> find("StatefulSet", service));
    }

    static Map<String, Object> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(at(d, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }
}
