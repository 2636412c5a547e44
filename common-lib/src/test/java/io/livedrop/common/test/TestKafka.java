package io.livedrop.common.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded Apache Kafka broker (KRaft mode, spring-kafka-test) per test JVM, started on first
 * use on a free port and stopped when the JVM exits.
 */
public final class TestKafka {

    private static EmbeddedKafkaKraftBroker broker;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = start(0);
            Runtime.getRuntime().addShutdownHook(TestContexts.afterContextsClosed("stop-test-kafka", broker::destroy));
        }
        return broker.getBrokersAsString();
    }

    /** A separate broker on a given port (0 = any), for tests that stop and restart Kafka. */
    public static EmbeddedKafkaKraftBroker start(int port) {
        EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
        started.kafkaPorts(port);
        started.brokerProperty("auto.create.topics.enable", "true");
        started.brokerProperty("group.initial.rebalance.delay.ms", "0");
        started.afterPropertiesSet();
        return started;
    }
}
