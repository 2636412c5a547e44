package io.livedrop.common.idempotency;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the idempotency building blocks. Not an auto-configuration: only services that own the
 * {@code idempotency_record} table (a migration of their own, see order-service's
 * {@code V1__create_idempotency_record.sql}) {@code @Import} it. The purge is a {@code @Scheduled} job,
 * so the importing service enables scheduling. Settings: {@code livedrop.idempotency.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

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
}
