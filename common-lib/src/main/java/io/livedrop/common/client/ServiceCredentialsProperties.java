package io.livedrop.common.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credential a service presents to auth-service's token endpoint to call other services'
 * {@code /internal/**} APIs (OAuth2 client-credentials grant). Only the services that call another
 * service's internal API set {@code client-secret} (order-service and payment-service, in their
 * {@code application.yml}); without it no token provider is created and no {@code
 * SERVICE_CLIENT_SECRET} is needed.
 *
 * @param clientSecret this service's secret ({@code SERVICE_CLIENT_SECRET}); no default here, so a
 *     local-development default is always visible to the production check
 * @param scope the scopes asked for, space-separated (e.g. {@code internal:inventory
 *     internal:payments}); blank asks for none, and auth-service then grants the client all of its
 *     allowed scopes
 * @param timeout connect and read timeout of a token fetch ({@code SERVICE_TOKEN_TIMEOUT})
 */
@ConfigurationProperties("livedrop.service-credentials")
public record ServiceCredentialsProperties(
        @DefaultValue("http://localhost:8081/oauth2/token") String tokenUri,
        String clientId,
        String clientSecret,
        @DefaultValue("") String scope,
        @DefaultValue("2s") Duration timeout) {}
