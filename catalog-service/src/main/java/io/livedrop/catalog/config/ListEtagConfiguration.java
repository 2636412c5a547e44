package io.livedrop.catalog.config;

import io.livedrop.catalog.browse.web.PublicCaching;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the public list pages ({@code GET /api/drops}, {@code GET /api/products}) and batch reads
 * ({@code GET /api/creators?ids=}, and the {@code ids=} form of the two lists): Spring's
 * filter hashes the page it wrote and answers a matching {@code If-None-Match} with 304. It leaves
 * {@code no-store} (personal) responses alone. Single items carry an ETag of their own
 * ({@link PublicCaching}).
 */
@Configuration(proxyBeanMethods = false)
class ListEtagConfiguration {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> listEtagFilter() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/drops", "/api/products", "/api/creators");
        return registration;
    }
}
