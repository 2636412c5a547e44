package io.livedrop.common.config;

import io.livedrop.common.error.ServletProblemWriter;
import io.livedrop.common.security.AuthenticatedUserResolver;
import io.livedrop.common.security.JwtDecoders;
import io.livedrop.common.security.ProblemSecurityHandlers;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.security.SecurityProperties;
import io.livedrop.common.security.ServiceAuthorizationRules;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service is a resource server: it validates RS256 tokens against auth-service's JWKS
 * itself (a call that bypasses the gateway is not trusted). {@code /internal/**} needs a service
 * token carrying this service's own scope ({@code livedrop.security.internal-scope}, e.g. {@code
 * internal:inventory}; another service's scope is 403, and without the property every call is 403),
 * every other path a user token unless the service's {@link ServiceAuthorizationRules} say otherwise.
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        },
        after = ServletWebConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class ServletSecurityConfiguration {

    /**
     * API.md: anything that depends on the caller is {@code Cache-Control: private, no-store}. A
     * response that declared its own caching (a public read) keeps it; the header is written when the
     * response commits, after the controller.
     */
    private static final HeaderWriter PRIVATE_UNLESS_PUBLIC = (request, response) -> {
        if (!response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    };

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        return JwtDecoders.forAudience(properties, Scopes.API_AUDIENCE);
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(ServletProblemWriter writer) {
        return new ProblemSecurityHandlers(writer);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain livedropSecurityFilterChain(
            HttpSecurity http,
            ObjectProvider<ServiceAuthorizationRules> serviceRules,
            ProblemSecurityHandlers problems,
            JwtDecoder jwtDecoder,
            SecurityProperties properties)
            throws Exception {
        var internalScope = properties.internalScopeIfAny();
        List<ServiceAuthorizationRules> rules = serviceRules.orderedStream().toList();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers ->
                        headers.cacheControl(cache -> cache.disable()).addHeaderWriter(PRIVATE_UNLESS_PUBLIC))
                .authorizeHttpRequests(authorize -> {
                    authorize
                            .requestMatchers("/actuator/**", "/v3/api-docs/**", "/error")
                            .permitAll();
                    internalScope.ifPresentOrElse(
                            scope -> authorize.requestMatchers("/internal/**").hasAuthority(Scopes.authority(scope)),
                            () -> authorize.requestMatchers("/internal/**").denyAll());
                    rules.forEach(rule -> rule.apply(authorize));
                    authorize.anyRequest().hasAuthority(Scopes.authority(Scopes.USER));
                })
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(answeringUncheckableTokens(problems)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * By default the bearer filter rethrows a token that could not be checked (JWKS unreachable) and
     * the client gets a 500; here it reaches the entry point, which answers 503.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> answeringUncheckableTokens(
            ProblemSecurityHandlers problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                var failures = new AuthenticationEntryPointFailureHandler(problems);
                failures.setRethrowAuthenticationServiceException(false);
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }

    @Bean
    WebMvcConfigurer authenticatedUserArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedUserResolver());
            }
        };
    }
}
