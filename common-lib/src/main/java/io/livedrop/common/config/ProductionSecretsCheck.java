package io.livedrop.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start a service with the {@code production} profile ({@code
 * SPRING_PROFILES_ACTIVE=production}, which {@code k8s/overlays/production} sets) while any of its
 * secrets still has its local-development default, naming the variables to set. Without the profile
 * nothing is checked, so {@code ./livedrop up}, Docker Compose and the tests keep their defaults.
 *
 * <p>What counts: every {@code livedrop.*} property whose value contains {@code local-dev} (the
 * convention for local defaults of secrets: {@code SERVICE_CLIENT_SECRET}, {@code CURSOR_SECRET},
 * auth-service's {@code SIGNING_KEY_SECRET} and {@code SERVICE_CLIENTS}) or is MinIO's {@code
 * minioadmin} (catalog-service's {@code S3_ACCESS_KEY} / {@code S3_SECRET_KEY}). The variable is read
 * from the property's {@code ${VARIABLE:default}} placeholder. Secret values are never printed.
 *
 * <p>An initializer, not a bean: it runs once the environment is complete (profiles, config files,
 * {@code livedrop-defaults.yml}) and before any bean is created, so the service fails before it
 * touches a database or a broker.
 */
public class ProductionSecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    public static final String PROFILE = "production";

    private static final String MARKER = "local-dev";
    private static final Set<String> KNOWN_LOCAL_VALUES = Set.of("minioadmin");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{([A-Za-z0-9_.\\-]+):");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<LocalDevSecretsException.Secret> defaults = localDevSecrets(environment);
        if (!defaults.isEmpty()) {
            throw new LocalDevSecretsException(defaults);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static List<LocalDevSecretsException.Secret> localDevSecrets(ConfigurableEnvironment environment) {
        Set<String> names = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("livedrop.")) {
                        names.add(name);
                    }
                }
            }
        }
        List<LocalDevSecretsException.Secret> found = new ArrayList<>();
        for (String name : names) {
            String value;
            try {
                value = environment.getProperty(name);
            } catch (IllegalArgumentException unresolvable) {
                continue; // a placeholder without default and without value: not a local default
            }
            if (isLocalDefault(value)) {
                found.add(new LocalDevSecretsException.Secret(name, variableOf(environment, name)));
            }
        }
        return found;
    }

    private static boolean isLocalDefault(String value) {
        return value != null
                && (value.toLowerCase(Locale.ROOT).contains(MARKER) || KNOWN_LOCAL_VALUES.contains(value.strip()));
    }

    /** The variable of {@code ${VARIABLE:default}} where the property is defined, if it is written so. */
    private static String variableOf(ConfigurableEnvironment environment, String name) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object raw = source.getProperty(name);
            if (raw != null) {
                Matcher placeholder = VARIABLE.matcher(raw.toString());
                return placeholder.find() ? placeholder.group(1) : null;
            }
        }
        return null;
    }
}
