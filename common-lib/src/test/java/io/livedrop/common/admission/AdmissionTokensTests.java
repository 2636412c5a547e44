package io.livedrop.common.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AdmissionTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String DROP = "0193a1b2-0000-7000-8000-000000000001";
    private static final String USER = "0193a1b2-0000-7000-8000-000000000002";

    private final AdmissionTokens tokens =
            new AdmissionTokens("a-test-secret-of-enough-length", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenAdmitsItsUserToItsDropUntilItExpires() {
        String token = tokens.issue(DROP, USER, NOW.plusSeconds(120));

        assertThat(tokens.admits(token, DROP, USER)).isTrue();
        assertThat(tokens.admits(token, DROP, "someone-else")).isFalse();
        assertThat(tokens.admits(token, "another-drop", USER)).isFalse();
        assertThat(tokens.admits(tokens.issue(DROP, USER, NOW), DROP, USER)).isFalse();
    }

    @Test
    void aTamperedOrForeignTokenAdmitsNobody() {
        String token = tokens.issue(DROP, USER, NOW.plusSeconds(120));
        String longer = token.replace(
                "." + NOW.plusSeconds(120).toEpochMilli() + ".",
                "." + NOW.plusSeconds(9999).toEpochMilli() + ".");
        AdmissionTokens otherSecret =
                new AdmissionTokens("another-secret-of-enough-length", Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(tokens.verify(longer)).isEmpty();
        assertThat(otherSecret.verify(token)).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }
}
