package io.livedrop.common.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules (typically its public {@code GET}s), applied before the shared
 * defaults: {@code /internal/**} needs a service token with this service's internal scope and
 * everything else a user token.
 */
@FunctionalInterface
public interface ServiceAuthorizationRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
