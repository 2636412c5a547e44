package io.livedrop.common.config;

import io.livedrop.common.error.DatabaseUnavailableHandler;
import io.livedrop.common.error.ProblemErrorController;
import io.livedrop.common.error.ServletProblemHandler;
import io.livedrop.common.error.ServletProblemWriter;
import io.livedrop.common.web.RequestBodyLimitFilter;
import io.livedrop.common.web.RequestIdFilter;
import io.livedrop.common.web.RequestLimitsProperties;
import io.livedrop.common.web.TextInputAdvice;
import io.livedrop.common.web.UrlControlCharacterFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** problem+json for every error and request ids for every request of a servlet service. */
@AutoConfiguration(
        beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class ServletWebConfiguration {

    @Bean
    ServletProblemHandler servletProblemHandler() {
        return new ServletProblemHandler();
    }

    /** No control characters in request bodies (API.md "request limits"). */
    @Bean
    TextInputAdvice textInputAdvice() {
        return new TextInputAdvice();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    ServletProblemWriter servletProblemWriter(JsonMapper jsonMapper) {
        return new ServletProblemWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.jdbc.CannotGetJdbcConnectionException")
    DatabaseUnavailableHandler databaseUnavailableHandler(MeterRegistry meters) {
        return new DatabaseUnavailableHandler(meters);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Request bodies over {@code MAX_REQUEST_BODY} → 413, before anything reads them. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            RequestLimitsProperties limits, ServletProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits.maxRequestBody().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** No control characters in the path or query string, before security and controllers run. */
    @Bean
    FilterRegistrationBean<UrlControlCharacterFilter> urlControlCharacterFilter(ServletProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new UrlControlCharacterFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
