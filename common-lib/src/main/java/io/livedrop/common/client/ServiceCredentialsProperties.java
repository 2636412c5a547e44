package io.livedrop.common.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential a service presents to auth-service's token endpoint to call other services'
 * {@code /internal/**} APIs (OAuth2 client-credentials grant).
 *
 * @param timeout connect and read timeout of a token fetch ({@code SERVICE_TOKEN_TIMEOUT})
 */
@ConfigurationProperties("livedrop.service-credentials")
public record ServiceCredentialsProperties(
        @DefaultValue("http://localhost:8081/oauth2/token") String tokenUri,
        String clientId,
        @DefaultValue("local-dev-service-secret") String clientSecret,
        @DefaultValue("2s") Duration timeout) {}
