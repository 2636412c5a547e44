package io.livedrop.catalog.config;

import io.livedrop.common.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Browsing is public (API.md "P"): creators, products and drops can be read without a token, one at
     * a time or in batches ({@code GET /api/creators?ids=}). A token, when sent, is still validated, so
     * {@code GET /api/drops?followed=true} knows the caller.
     */
    @Bean
    ServiceAuthorizationRules publicCatalogReads() {
        return rules -> rules.requestMatchers(
                        HttpMethod.GET,
                        "/api/creators",
                        "/api/creators/*",
                        "/api/products",
                        "/api/products/*",
                        "/api/drops",
                        "/api/drops/*")
                .permitAll();
    }
}
