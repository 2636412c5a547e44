package io.livedrop.catalog.drop;

import io.livedrop.catalog.cache.CatalogCaches;
import io.livedrop.common.outbox.Outbox;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
class DropConfiguration {

    @Bean
    DropLifecycle dropLifecycle(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Outbox outbox,
            CatalogCaches caches,
            DropChangeSignals signals,
            Clock clock,
            LifecycleProperties properties) {
        return new DropLifecycle(jdbc, transactions, outbox, caches, signals, clock, properties.batchSize());
    }

    @Bean
    DropLifecycleScheduler dropLifecycleScheduler(
            DropLifecycle lifecycle, LifecycleProperties properties, Clock clock) {
        return new DropLifecycleScheduler(lifecycle, properties, clock);
    }
}
