package io.livedrop.common.config;

import java.util.List;
import java.util.stream.Collectors;

/** A {@code production} start with secrets that still have their local-development defaults. */
public class LocalDevSecretsException extends IllegalStateException {

    /**
     * @param property the Spring property, e.g. {@code livedrop.cursor.secret}
     * @param variable the environment variable that sets it, e.g. {@code CURSOR_SECRET}; null when the
     *     property is not written as {@code ${VARIABLE:default}}
     */
    public record Secret(String property, String variable) {

        /** {@code CURSOR_SECRET (livedrop.cursor.secret)}, or the property alone. */
        public String describe() {
            return variable == null ? property : variable + " (" + property + ")";
        }
    }

    private final List<Secret> secrets;

    public LocalDevSecretsException(List<Secret> secrets) {
        super("Refusing to start with the '" + ProductionSecretsCheck.PROFILE + "' profile: "
                + secrets.stream().map(Secret::describe).collect(Collectors.joining(", "))
                + (secrets.size() == 1 ? " still has its" : " still have their")
                + " local-development default. Set "
                + (secrets.size() == 1 ? "it" : "them")
                + " from the secret store (livedrop-secrets), or run without SPRING_PROFILES_ACTIVE=production"
                + " for local development.");
        this.secrets = List.copyOf(secrets);
    }

    public List<Secret> secrets() {
        return secrets;
    }
}
