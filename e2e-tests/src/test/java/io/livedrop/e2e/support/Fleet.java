package io.livedrop.e2e.support;

import io.livedrop.e2e.observability.TraceCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole LiveDrop fleet for the end-to-end tests, started once per test JVM with the project's
 * own launcher ({@code ./livedrop up}) on a free port range, with its own databases, Redis key
 * prefix and Kafka broker, and purged when the JVM exits. Set {@code LIVEDROP_E2E_PORT_BASE} to run
 * the tests against a fleet that is already up (it is then left running).
 */
public final class Fleet {

    public static final List<String> SERVICES = List.of(
            "gateway-service",
            "auth-service",
            "catalog-service",
            "follower-service",
            "inventory-service",
            "order-service",
            "payment-service",
            "notification-service");

    private static Fleet shared;
    private static RuntimeException failedStart;

    private final Path root;
    private final int portBase;
    private final Map<String, String> environment;
    private final boolean ownedByTests;

    private Fleet(Path root, int portBase, Map<String, String> environment, boolean ownedByTests) {
        this.root = root;
        this.portBase = portBase;
        this.environment = environment;
        this.ownedByTests = ownedByTests;
    }

    /** The fleet of this test run; a failed start is reported to every test instead of retried. */
    public static synchronized Fleet shared() {
        if (failedStart != null) {
            throw failedStart;
        }
        if (shared == null) {
            try {
                shared = startOrAttach();
            } catch (RuntimeException e) {
                failedStart = e;
                throw e;
            }
        }
        return shared;
    }

    /** The repository the fleet runs from (its web client is in {@code web/}). */
    public Path root() {
        return root;
    }

    public String gatewayUrl() {
        return "http://localhost:" + portBase;
    }

    /** How many instances of each scaled service run ({@code ./livedrop up --instances N}). */
    public int instances() {
        return Integer.parseInt(environment.getOrDefault("LIVEDROP_INSTANCES", "1"));
    }

    /** Instance {@code k} (1-based) of a service: 10 × (k − 1) ports above the first. */
    public String serviceUrl(String service, int instance) {
        return "http://localhost:" + (portBase + SERVICES.indexOf(service) + 10 * (instance - 1));
    }

    /** The launcher's name of instance {@code k}: the service's own for the first, else {@code <service>-<k>}. */
    public static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    public String gatewayWebSocketUrl() {
        return "ws://localhost:" + portBase;
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + (portBase + SERVICES.indexOf(service));
    }

    /**
     * Where a service's actuator (Prometheus, health details) answers: the gateway's management port
     * ({@code MANAGEMENT_PORT}; its public port serves only the health status), every other service's
     * own port.
     */
    public String managementUrl(String service) {
        return service.equals("gateway-service")
                ? "http://localhost:" + environment.getOrDefault("MANAGEMENT_PORT", "9080")
                : serviceUrl(service);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + environment.get("LIVEDROP_KAFKA_PORT");
    }

    /** The database of a service of this fleet (e.g. {@code "auth"} → {@code ld_e2e_1a2b3c_auth}). */
    public String databaseName(String database) {
        return environment.getOrDefault("LIVEDROP_DB_PREFIX", "livedrop_") + database;
    }

    /** Stops one service, as a crash or a deployment would (graceful SIGTERM). */
    public void stop(String service) {
        launcher("stop", service);
    }

    /** Starts a stopped service and waits until it reports UP. */
    public void start(String service) {
        launcher("start", service);
    }

    private static Fleet startOrAttach() {
        Path root = Path.of(System.getProperty("livedrop.root", ".."))
                .toAbsolutePath()
                .normalize();
        String attachTo = System.getenv("LIVEDROP_E2E_PORT_BASE");
        if (attachTo != null && !attachTo.isBlank()) {
            Map<String, String> env = Map.of(
                    "LIVEDROP_KAFKA_PORT", System.getenv().getOrDefault("LIVEDROP_KAFKA_PORT", "9092"),
                    "LIVEDROP_DB_PREFIX", System.getenv().getOrDefault("LIVEDROP_DB_PREFIX", "livedrop_"),
                    "MANAGEMENT_PORT", System.getenv().getOrDefault("MANAGEMENT_PORT", "9080"),
                    "LIVEDROP_INSTANCES", System.getenv().getOrDefault("LIVEDROP_INSTANCES", "1"));
            return new Fleet(root, Integer.parseInt(attachTo), env, false);
        }
        int portBase = freePortRange();
        String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LIVEDROP_HOME", root.resolve("e2e-tests/target/fleet-" + run).toString());
        env.put("LIVEDROP_PORT_BASE", Integer.toString(portBase));
        env.put("LIVEDROP_KAFKA_PORT", Integer.toString(portBase + 90));
        // the gateway's actuator port (default 9080) would clash with a fleet already running on 8080
        env.put("MANAGEMENT_PORT", Integer.toString(portBase + 80));
        env.put("LIVEDROP_DB_PREFIX", "ld_e2e_" + run + "_");
        env.put("LIVEDROP_REDIS_KEY_PREFIX", "ld-e2e-" + run + ":");
        // the scale-out tests run in their own JVM against a fleet with several instances of each
        env.put("LIVEDROP_INSTANCES", System.getProperty("livedrop.e2e.instances", "1"));
        env.putIfAbsent("LIVEDROP_SERVICE_HEAP", "384m");
        env.putIfAbsent("LIVEDROP_NOTIFICATION_HEAP", "512m");
        env.putIfAbsent("LIVEDROP_KAFKA_HEAP", "512m");
        env.putIfAbsent("LIVEDROP_START_TIMEOUT", "600");
        // every service exports its spans to the tests' OTLP receiver (see ObservabilityTests)
        env.put("OTLP_TRACING_ENABLED", "true");
        env.put("OTLP_TRACING_ENDPOINT", TraceCollector.shared().endpoint());
        // Every e2e request comes from 127.0.0.1, so all anonymous callers share one per-IP bucket:
        // generous limits there. Orders stay per user and moderate, so GatewayTests can trip them.
        env.put("RATE_LIMIT_DEFAULT_REPLENISH_RATE", "500");
        env.put("RATE_LIMIT_DEFAULT_BURST_CAPACITY", "1000");
        env.put("RATE_LIMIT_AUTH_REPLENISH_RATE", "200");
        env.put("RATE_LIMIT_AUTH_BURST_CAPACITY", "400");
        env.put("RATE_LIMIT_ORDERS_REPLENISH_RATE", "5");
        env.put("RATE_LIMIT_ORDERS_BURST_CAPACITY", "20");
        Fleet fleet = new Fleet(root, portBase, env, true);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            fleet.keepLogs(root.resolve("e2e-tests/target/fleet-logs-" + run));
                            fleet.launcher("purge");
                        },
                        "purge-e2e-fleet"));
        try {
            fleet.launcher("up");
        } catch (RuntimeException e) {
            fleet.keepLogs(root.resolve("e2e-tests/target/fleet-logs-" + run));
            fleet.launcher("purge");
            throw e;
        }
        return fleet;
    }

    private void launcher(String... args) {
        if (!ownedByTests && !args[0].equals("stop") && !args[0].equals("start")) {
            return;
        }
        Path log = Path.of(environment.getOrDefault(
                        "LIVEDROP_HOME", root.resolve(".livedrop").toString()))
                .resolve("launcher.log");
        try {
            Files.createDirectories(log.getParent());
            var command = new java.util.ArrayList<String>();
            command.add(root.resolve("livedrop").toString());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "./livedrop " + String.join(" ", args) + " failed; output:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies the launcher's and services' logs out of the fleet home before it is purged. */
    private void keepLogs(Path target) {
        Path home = Path.of(environment.get("LIVEDROP_HOME"));
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                Path copy = target.resolve(home.relativize(file));
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        } catch (IOException e) {
            System.err.println("Could not keep the fleet logs: " + e.getMessage());
        }
    }

    /** A base port whose 100 successors are free (services use +0..+7, gateway actuator +80, Kafka +90 and +91). */
    private static int freePortRange() {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + random.nextInt(300) * 100;
            if (isFree(base)
                    && isFree(base + 7)
                    && isFree(base + 17)
                    && isFree(base + 80)
                    && isFree(base + 81)
                    && isFree(base + 90)
                    && isFree(base + 91)) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
