package io.livedrop.common.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service validates tokens: auth-service's JWKS, the expected issuer and audience.
 *
 * @param jwksUri where auth-service publishes its signing keys
 * @param issuer the {@code iss} every token must carry
 */
@Validated
@ConfigurationProperties("livedrop.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8081/.well-known/jwks.json")
        String jwksUri,

        @DefaultValue("livedrop-auth") String issuer) {}
