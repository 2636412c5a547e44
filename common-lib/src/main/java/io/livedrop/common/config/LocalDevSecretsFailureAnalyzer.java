package io.livedrop.common.config;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refusal of {@link ProductionSecretsCheck} as a short report instead of a stack trace. */
public class LocalDevSecretsFailureAnalyzer extends AbstractFailureAnalyzer<LocalDevSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalDevSecretsException cause) {
        String variables = cause.secrets().stream()
                .map(secret -> "    " + secret.describe())
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis(
                "The 'production' profile is active, but these secrets still have their local-development"
                        + " defaults:\n" + variables,
                "Set each variable above to a real secret (k8s: the livedrop-secrets Secret), or leave"
                        + " SPRING_PROFILES_ACTIVE unset for local development.",
                cause);
    }
}
