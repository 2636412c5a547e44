package io.livedrop.common.sample;

import io.livedrop.common.security.ServiceAuthorizationRules;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** A minimal service built on common-lib, to test the shared building blocks end to end. */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    @Bean
    ServiceAuthorizationRules publicSampleReads() {
        return rules ->
                rules.requestMatchers(HttpMethod.GET, "/samples/public/**").permitAll();
    }
}
