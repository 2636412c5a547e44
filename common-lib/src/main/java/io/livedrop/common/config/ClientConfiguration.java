package io.livedrop.common.config;

import io.livedrop.common.client.ClientCredentialsTokenProvider;
import io.livedrop.common.client.InternalRestClients;
import io.livedrop.common.client.ServiceCredentialsProperties;
import io.livedrop.common.client.ServiceTokenProvider;
import io.livedrop.common.web.RequestIdPropagator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** Outgoing calls: request id propagation on every RestClient, service tokens for internal APIs. */
@AutoConfiguration(
        afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        after = CoreConfiguration.class)
@ConditionalOnClass({RestClient.class, RestClientCustomizer.class})
@EnableConfigurationProperties(ServiceCredentialsProperties.class)
public class ClientConfiguration {

    @Bean
    RestClientCustomizer requestIdPropagation() {
        return builder -> builder.requestInterceptor(new RequestIdPropagator());
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokenProvider serviceTokenProvider(
            RestClient.Builder builder, ServiceCredentialsProperties credentials, Clock clock) {
        return new ClientCredentialsTokenProvider(builder, credentials, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    InternalRestClients internalRestClients(RestClient.Builder builder, ServiceTokenProvider tokens) {
        return new InternalRestClients(builder, tokens);
    }
}
