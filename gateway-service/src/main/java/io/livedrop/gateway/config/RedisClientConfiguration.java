package io.livedrop.gateway.config;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis only serves the rate limiter here, which prefers a fast "no" to a late "yes". */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /**
     * While the connection is down (Lettuce reconnects in the background) a command fails at once
     * instead of queuing until the limiter's timeout: requests fail open without any added delay.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
