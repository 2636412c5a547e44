package io.livedrop.common.test;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit side of {@link WithTestReplica}: waits before each test until the service's replica is
 * usable, hands the {@link TestReplica} to test methods that ask for it and closes it after the class.
 * {@link ReadReplicaProperties} (the Spring side) starts it when the context loads.
 */
public final class TestReplicaExtension implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static final Duration USABLE_WITHIN = Duration.ofSeconds(20);

    private static TestReplica replica;

    /** The replica of the running {@link WithTestReplica} class, started on first use. */
    public static synchronized TestReplica replica() {
        if (replica == null) {
            replica = TestReplica.start();
        }
        return replica;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        MeterRegistry meters = SpringExtension.getApplicationContext(context).getBean(MeterRegistry.class);
        await().atMost(USABLE_WITHIN)
                .until(() -> meters.get("livedrop.db.replica.usable").gauge().value() == 1);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (TestReplicaExtension.class) {
            if (replica != null) {
                replica.close();
                replica = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestReplica.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return replica();
    }

    /** Registers the replica's copy of the test database as the service's read data source. */
    public static final class ReadReplicaProperties implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }

        private record Customizer() implements ContextCustomizer {

            @Override
            public void customizeContext(
                    ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
                context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "testReplica",
                                Map.of(
                                        "livedrop.datasource.read.url",
                                        replica().jdbcUrl(TestPostgres.jdbcUrl()),
                                        "livedrop.datasource.read.check-interval",
                                        "200ms",
                                        // far above the few seconds replay stays paused in a test: the
                                        // paused replica keeps answering
                                        "livedrop.datasource.read.max-lag",
                                        "60s")));
            }
        }
    }
}
