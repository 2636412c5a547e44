package io.livedrop.common.idempotency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the idempotency building blocks. Not an auto-configuration: services that take
 * Idempotency-Key requests {@code @Import} it. The purge is a {@code @Scheduled} job, so the importing
 * service enables scheduling. Settings: {@code livedrop.idempotency.*}.
 *
 * <p>It also ships the {@code idempotency_record} table: {@link #MIGRATIONS} is added to Flyway's
 * locations, so {@code V1__create_idempotency_record.sql} runs in every importing service's database.
 * That file is the one order- and payment-service each carried as their own {@code V1} (same version,
 * description and bytes, hence the same checksum), so databases that already applied it validate
 * unchanged. An importing service's own migrations therefore start after {@code V1} (at {@code V2});
 * a change to the table is a new version in {@link #MIGRATIONS}, never an edit of {@code V1}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

    /** The Flyway location of the {@code idempotency_record} migrations. */
    public static final String MIGRATIONS = "classpath:db/livedrop-idempotency";

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbc, clock, properties);
    }

    @Bean
    IdempotentExecutor idempotentExecutor(IdempotencyStore store, TransactionTemplate transactions, JsonMapper json) {
        return new IdempotentExecutor(store, transactions, json);
    }

    @Bean
    IdempotencyPurge idempotencyPurge(IdempotencyStore store) {
        return new IdempotencyPurge(store);
    }

    @Bean
    WebMvcConfigurer idempotencyKeyArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new IdempotencyKeyArgumentResolver());
            }
        };
    }

    /** Only where Flyway runs the migrations (every service that owns a database does). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
    static class IdempotencyMigrations {

        /** Adds {@link #MIGRATIONS} to the locations {@code spring.flyway.locations} set. */
        @Bean
        FlywayConfigurationCustomizer idempotencyMigrations() {
            return configuration -> {
                Location shipped = new Location(MIGRATIONS);
                List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
                if (!locations.contains(shipped)) {
                    locations.add(shipped);
                    configuration.locations(locations.toArray(Location[]::new));
                }
            };
        }
    }
}
