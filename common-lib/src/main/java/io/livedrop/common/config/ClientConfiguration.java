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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * Outgoing calls: request id propagation on every RestClient; service tokens and clients for other
 * services' internal APIs only in the services that have a credential ({@code
 * livedrop.service-credentials.client-secret}, set by order-service and payment-service).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
        after = CoreConfiguration.class)
@ConditionalOnClass({RestClient.class, RestClientCustomizer.class})
@EnableConfigurationProperties(ServiceCredentialsProperties.class)
public class ClientConfiguration {

    static final String CLIENT_SECRET = "livedrop.service-credentials.client-secret";

    @Bean
    RestClientCustomizer requestIdPropagation() {
        return builder -> builder.requestInterceptor(new RequestIdPropagator());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(CLIENT_SECRET)
    ServiceTokenProvider serviceTokenProvider(
            RestClient.Builder builder, ServiceCredentialsProperties credentials, Clock clock) {
        return new ClientCredentialsTokenProvider(builder, credentials, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(CLIENT_SECRET)
    InternalRestClients internalRestClients(
            RestClient.Builder builder,
            ServiceTokenProvider tokens,
            org.springframework.beans.factory.ObjectProvider<
                            org.springframework.cloud.client.loadbalancer.LoadBalancerClient>
                    loadBalancer) {
        return new InternalRestClients(builder, tokens, loadBalancer);
    }
}
