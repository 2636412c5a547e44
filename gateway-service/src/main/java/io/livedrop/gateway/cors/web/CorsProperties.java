package io.livedrop.gateway.cors.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins may call the API. Origins may be patterns ({@code https://*.livedrop.io});
 * an empty list refuses every cross-origin browser request.
 */
@Validated
@ConfigurationProperties("livedrop.gateway.cors")
public record CorsProperties(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        boolean allowCredentials,
        Duration maxAge) {

    public CorsProperties {
        allowedOrigins = nonBlank(allowedOrigins);
        allowedMethods = nonBlank(allowedMethods);
        allowedHeaders = nonBlank(allowedHeaders);
        exposedHeaders = nonBlank(exposedHeaders);
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }

    private static List<String> nonBlank(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
