package io.livedrop.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, single node) in its own JVM, started from the Kafka jars on the
 * test classpath. Unlike the embedded broker it can be stopped and started again on the same port
 * with the same log, which is what a Kafka outage looks like to a service.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final Path config;
    private Process process;

    private KafkaProcess(Path workDir) {
        this.logDir = workDir.resolve("data");
        this.port = freePort();
        this.controllerPort = freePort();
        this.config = workDir.resolve("server.properties");
    }

    /** Formats a fresh log directory under {@code workDir} and starts the broker. */
    public static KafkaProcess start(Path workDir) {
        KafkaProcess kafka = new KafkaProcess(workDir);
        kafka.writeConfig();
        kafka.run(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        kafka.config.toString())
                .waitForExit();
        kafka.startBroker();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the broker again on the same port, with the log it had. */
    public synchronized void restart() {
        stop();
        startBroker();
    }

    @Override
    public void close() {
        stop();
    }

    private void startBroker() {
        process = run("kafka.Kafka", config.toString()).process;
        awaitListening(Duration.ofSeconds(60));
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!LocalServers.reachable("127.0.0.1", port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka broker did not start; see " + logDir.getParent());
            }
            sleep(100);
        }
    }

    private Started run(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx384m", "-cp", testClasspath(), mainClass));
        command.addAll(List.of(args));
        try {
            Path log = logDir.getParent().resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".log");
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new Started(started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeConfig() {
        String properties = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, logDir);
        try {
            Files.createDirectories(logDir);
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Started(Process process) {
        void waitForExit() {
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("Kafka storage format failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
