package io.livedrop.catalog.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import io.livedrop.catalog.browse.application.CacheProperties;
import io.livedrop.catalog.browse.application.CatalogCaches;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

    /**
     * While Redis is unreachable, fail commands at once instead of queueing them until a timeout:
     * reads fall back to the database without waiting.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhenRedisIsDisconnected(
            @Value("${spring.data.redis.timeout:500ms}") Duration timeout) {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout));
    }

    @Bean
    RedisTemplate<String, byte[]> cacheRedisTemplate(RedisConnectionFactory connections) {
        var template = new RedisTemplate<String, byte[]>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        return template;
    }

    @Bean
    CatalogCaches catalogCaches(
            RedisTemplate<String, byte[]> cacheRedisTemplate,
            StringRedisTemplate stringRedisTemplate,
            @Value("${livedrop.redis.key-prefix}") String keyPrefix,
            CacheProperties properties,
            Clock clock,
            MeterRegistry meters,
            CircuitBreakerRegistry cacheCircuitBreakers) {
        return new CatalogCaches(
                cacheRedisTemplate, stringRedisTemplate, keyPrefix, properties, clock, meters, cacheCircuitBreakers);
    }

    /** Holds the read cache's Redis breaker ({@code catalog-cache-redis}, configured by ResilientRedis). */
    @Bean
    CircuitBreakerRegistry cacheCircuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }
}
