package io.livedrop.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code livedrop-defaults.yml} with the lowest precedence: the settings every service shares
 * (virtual threads, graceful shutdown, actuator, Kafka, the environment variable names of the
 * README). A service's own {@code application.yml} and the environment override any of them.
 */
public class LiveDropDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "livedrop-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("livedrop-defaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
