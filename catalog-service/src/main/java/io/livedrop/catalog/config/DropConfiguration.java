package io.livedrop.catalog.config;

import io.livedrop.catalog.browse.application.CatalogCaches;
import io.livedrop.catalog.drop.application.DropChangeSignals;
import io.livedrop.catalog.drop.application.DropLifecycleScheduler;
import io.livedrop.catalog.drop.application.DropLifecycleService;
import io.livedrop.catalog.drop.application.LifecycleProperties;
import io.livedrop.catalog.drop.persistence.DropLifecycleRepository;
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
    DropLifecycleService dropLifecycle(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Outbox outbox,
            CatalogCaches caches,
            DropChangeSignals signals,
            Clock clock,
            LifecycleProperties properties) {
        return new DropLifecycleService(
                new DropLifecycleRepository(jdbc),
                transactions,
                outbox,
                caches,
                signals,
                clock,
                properties.batchSize());
    }

    @Bean
    DropLifecycleScheduler dropLifecycleScheduler(
            DropLifecycleService lifecycle, LifecycleProperties properties, Clock clock) {
        return new DropLifecycleScheduler(lifecycle, properties, clock);
    }
}
