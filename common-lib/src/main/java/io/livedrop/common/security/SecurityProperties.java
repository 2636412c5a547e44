package io.livedrop.common.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service validates tokens: auth-service's JWKS, the expected issuer and audience.
 *
 * @param jwksUri where auth-service publishes its signing keys
 * @param issuer the {@code iss} every token must carry
 * @param jwksTimeout connect and read timeout of one JWKS fetch. Spring's default (Nimbus's 500 ms)
 *     turned valid tokens into errors while auth-service was busy under load
 */
@Validated
@ConfigurationProperties("livedrop.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8081/.well-known/jwks.json")
        String jwksUri,

        @DefaultValue("livedrop-auth") String issuer,

        @DefaultValue("5s") Duration jwksTimeout) {}
