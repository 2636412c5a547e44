package io.livedrop.gateway.config;

import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
import io.livedrop.gateway.problem.web.ProblemResponses;
import io.livedrop.gateway.security.client.JwksKeySource;
import io.livedrop.gateway.security.client.ReactiveJwtDecoders;
import io.livedrop.gateway.security.web.ProblemSecurityResponses;
import io.livedrop.gateway.security.web.PublicEndpoints;
import io.livedrop.gateway.security.web.QueryParameterTokenConverter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway is an OAuth2 resource server: it checks every bearer token against auth-service's JWKS
 * (issuer, audience {@code livedrop-api}, scope {@code user}) before routing, lets anonymous callers
 * reach only what API.md marks public, and forwards the {@code Authorization} header unchanged (each
 * service checks the token again). Service tokens (scope {@code internal}) are not accepted at the
 * public edge at all. The realtime endpoints get their own chain: the token is in the query string
 * and must be a realtime token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class GatewaySecurityConfiguration {

    private static final String USER = Scopes.authority(Scopes.USER);

    /** One key cache for both decoders: access and realtime tokens are signed with the same keys. */
    @Bean
    JwksKeySource jwksKeySource(SecurityProperties properties, Clock clock) {
        return new JwksKeySource(
                WebClient.create(),
                properties.jwksUri(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                clock);
    }

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(JwksKeySource keys, SecurityProperties properties) {
        return ReactiveJwtDecoders.forAudience(keys, properties, Scopes.API_AUDIENCE);
    }

    @Bean
    ProblemSecurityResponses problemSecurityResponses(ProblemResponses problems) {
        return new ProblemSecurityResponses(problems);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain realtimeSecurity(
            ServerHttpSecurity http,
            JwksKeySource keys,
            SecurityProperties properties,
            ProblemSecurityResponses problems) {
        ReactiveJwtDecoder realtimeTokenDecoder =
                ReactiveJwtDecoders.forAudience(keys, properties, Scopes.REALTIME_AUDIENCE);
        return stateless(http, problems)
                .securityMatcher(PublicEndpoints.REALTIME)
                .oauth2ResourceServer(oauth -> oauth.bearerTokenConverter(new QueryParameterTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(realtimeTokenDecoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeExchange(exchanges -> exchanges.anyExchange().hasAuthority(Scopes.authority(Scopes.REALTIME)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http, ReactiveJwtDecoder accessTokenDecoder, ProblemSecurityResponses problems) {
        return stateless(http, problems)
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtDecoder(accessTokenDecoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PublicEndpoints.SIGNED_IN_LOOKALIKES)
                        .hasAuthority(USER)
                        .matchers(PublicEndpoints.API)
                        .access(anonymousOrUser())
                        .matchers(PublicEndpoints.GRAPHQL)
                        .access(anonymousOrUser())
                        .pathMatchers("/api/**")
                        .hasAuthority(USER)
                        .pathMatchers(PublicEndpoints.GATEWAY_PAGES)
                        .permitAll()
                        // every other path is unrouted and answers 404, whoever asks
                        .anyExchange()
                        .permitAll())
                .build();
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // CORS is answered by GatewayCorsWebFilter before any security filter runs
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * Public endpoints: no token, or a valid user token (a bad token was already answered 401). Any
     * other valid token, such as a service credential, is refused with 403.
     */
    private static ReactiveAuthorizationManager<AuthorizationContext> anonymousOrUser() {
        return (authentication, context) -> authentication
                .map(GatewaySecurityConfiguration::isAnonymousOrUser)
                .defaultIfEmpty(true)
                .map(AuthorizationDecision::new);
    }

    private static boolean isAnonymousOrUser(Authentication authentication) {
        return !(authentication instanceof JwtAuthenticationToken)
                || authentication.getAuthorities().stream().anyMatch(a -> USER.equals(a.getAuthority()));
    }
}
