package io.livedrop.gateway.config;

import io.livedrop.gateway.ratelimit.persistence.KeyPrefixedRedisTemplate;
import io.livedrop.gateway.ratelimit.persistence.MicrosecondClockScript;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} with the library's Lua script (the bean {@code
 * GatewayRedisAutoConfiguration} defines, reading the Redis clock to the microsecond: {@link
 * MicrosecondClockScript}), its keys under the service's Redis key prefix; this bean replaces the
 * auto-configured limiter. {@code RateLimitService} adds the timeout, fail-open and
 * metrics around it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RedisRateLimiter redisRateLimiter(
            ReactiveRedisConnectionFactory redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ConfigurationService configurationService,
            @Value("${livedrop.redis.key-prefix}") String keyPrefix) {
        return new RedisRateLimiter(
                new KeyPrefixedRedisTemplate(redis, keyPrefix + "gateway:"),
                MicrosecondClockScript.of(script),
                configurationService);
    }
}
