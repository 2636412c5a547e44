package io.livedrop.auth.config;

import io.livedrop.auth.token.application.SigningKeyService;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
import io.livedrop.common.security.ServiceAuthorizationRules;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * auth-service is a resource server like every service (common-lib's filter chain), with three
 * particulars:
 *
 * <ul>
 *   <li>its public endpoints: sign-up, sign-in, refresh, public profiles, the JWKS and the token
 *       endpoint;
 *   <li>it verifies tokens against its <em>own</em> key store instead of fetching its JWKS over HTTP
 *       (common-lib's default decoder, pointed at {@code AUTH_URL}): no request to itself during
 *       start-up or on a key miss, and in tests (where {@code livedrop.security.jwks-uri} points at
 *       the TestJwtIssuer) the tokens it issues are still the ones it accepts;
 *   <li>the sign-in endpoints ignore an {@code Authorization} header, so that a client that sends its
 *       expired access token along with a refresh (or a Basic header to the token endpoint) is not
 *       turned away with 401 by the bearer-token filter.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher CREDENTIAL_ENDPOINTS = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/auth/register"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/auth/login"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/auth/refresh"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/oauth2/token"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/.well-known/jwks.json"));

    @Bean
    ServiceAuthorizationRules authServiceRules() {
        return rules -> rules
                // before the public /api/users/{id}: "me" is not an id
                .requestMatchers(HttpMethod.GET, "/api/users/me")
                .hasAuthority(Scopes.authority(Scopes.USER))
                .requestMatchers(HttpMethod.GET, "/api/users/{id}")
                .permitAll()
                .requestMatchers(CREDENTIAL_ENDPOINTS)
                .permitAll();
    }

    @Bean
    BearerTokenResolver bearerTokenResolver() {
        var standard = new DefaultBearerTokenResolver();
        return request -> CREDENTIAL_ENDPOINTS.matches(request) ? null : standard.resolve(request);
    }

    /** Same checks as common-lib's decoder (RS256, issuer, audience livedrop-api), keys from the store. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeyService keys, SecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(security.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(Scopes.API_AUDIENCE))));
        return decoder;
    }
}
