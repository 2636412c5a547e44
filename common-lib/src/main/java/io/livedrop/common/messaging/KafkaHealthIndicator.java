package io.livedrop.common.messaging;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the Kafka cluster answers. It is part of {@code /actuator/health} but not of
 * readiness: with Kafka down a service keeps serving and its outbox holds the events.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin kafkaAdmin;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put("request.timeout.ms", 3000);
        config.put("default.api.timeout.ms", 3000);
        try (AdminClient admin = AdminClient.create(config)) {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            builder.up().withDetail("nodes", nodes);
        }
    }
}
