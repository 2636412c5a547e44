package io.livedrop.common.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential a service presents to auth-service's token endpoint to call other services'
 * {@code /internal/**} APIs (OAuth2 client-credentials grant).
 */
@ConfigurationProperties("livedrop.service-credentials")
public record ServiceCredentialsProperties(
        @DefaultValue("http://localhost:8081/oauth2/token") String tokenUri,
        String clientId,
        @DefaultValue("local-dev-service-secret") String clientSecret) {}
