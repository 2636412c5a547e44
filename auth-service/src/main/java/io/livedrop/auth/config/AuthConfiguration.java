package io.livedrop.auth.config;

import io.livedrop.auth.token.application.AuthProperties;
import io.livedrop.auth.token.domain.PrivateKeyCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Properties, scheduling (key reload and rotation, refresh-token purge) and the key cipher. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AuthProperties.class)
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    PrivateKeyCipher privateKeyCipher(AuthProperties properties) {
        if (AuthProperties.Keys.LOCAL_DEV_SECRET.equals(properties.keys().encryptionSecret())) {
            log.warn("Signing keys are encrypted with the local-dev default secret: set SIGNING_KEY_SECRET"
                    + " outside local development");
        }
        return new PrivateKeyCipher(properties.keys().encryptionSecret());
    }
}
