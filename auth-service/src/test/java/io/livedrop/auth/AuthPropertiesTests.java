package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livedrop.auth.token.application.AuthProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration that would break the token contract is refused at start-up. */
class AuthPropertiesTests {

    @Test
    void defaultsAreConsistent() {
        assertThatCode(() -> properties(Duration.ofMinutes(15), Duration.ofMinutes(5), keys(Duration.ofHours(1))))
                .doesNotThrowAnyException();
    }

    @Test
    void realtimeTokensLiveAtMostFiveMinutes() {
        assertThatThrownBy(() -> properties(Duration.ofMinutes(15), Duration.ofMinutes(6), keys(Duration.ofHours(1))))
                .hasMessageContaining("realtime-token-ttl");
    }

    @Test
    void replacedKeysMustOutliveTheTokensTheySigned() {
        assertThatThrownBy(() -> properties(Duration.ofHours(2), Duration.ofMinutes(5), keys(Duration.ofHours(1))))
                .hasMessageContaining("retired-key-retention");
    }

    @Test
    void aNewKeyMustBePublishedLongerThanInstancesTakeToSeeIt() {
        assertThatThrownBy(() -> new AuthProperties.Keys(
                        "secret",
                        Duration.ofDays(30),
                        Duration.ofSeconds(10),
                        Duration.ofHours(1),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(10)))
                .hasMessageContaining("activation-delay");
    }

    private static AuthProperties properties(Duration access, Duration realtime, AuthProperties.Keys keys) {
        return new AuthProperties(
                access,
                Duration.ofDays(30),
                Duration.ofDays(30),
                realtime,
                Duration.ofMinutes(5),
                10,
                "a:b",
                "",
                keys,
                Duration.ofHours(1),
                loginThrottle());
    }

    @Test
    void loginLockOutsMustBeRememberedLongerThanTheyLast() {
        assertThatThrownBy(() -> new AuthProperties.LoginThrottle(
                        5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofDays(2), Duration.ofDays(1)))
                .hasMessageContaining("retention");
    }

    private static AuthProperties.LoginThrottle loginThrottle() {
        return new AuthProperties.LoginThrottle(
                5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));
    }

    private static AuthProperties.Keys keys(Duration retention) {
        return new AuthProperties.Keys(
                "secret",
                Duration.ofDays(30),
                Duration.ofMinutes(5),
                retention,
                Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }
}
