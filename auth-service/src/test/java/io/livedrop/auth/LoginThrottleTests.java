package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Per-account back-off of sign-ins (issue 15, item 4): the gateway limits sign-ins per client IP, this
 * limits them per target email, whatever the number of addresses guessing. Defaults: 5 unsuccessful
 * attempts per 15 minutes, then 429 for 1 minute, doubling per lock-out, reset by a success.
 */
class LoginThrottleTests extends AuthIntegrationTest {

    private static final int MAX_FAILURES = 5;

    @Test
    void repeatedFailuresLockTheEmailOutWithRetryAfter() {
        var account = api.register();
        failTimes(account.email(), MAX_FAILURES);

        var refused = api.login(account.email(), account.password() + "x");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("60");
        // locked means locked: the right password waits too
        var rightPassword = api.login(account.email(), account.password());
        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(Long.parseLong(rightPassword.header("Retry-After"))).isBetween(58L, 60L);
    }

    @Test
    void unknownEmailsAreLockedOutTheSameWay() {
        var account = api.register();
        String unknown = AuthApi.uniqueEmail();
        failTimes(account.email(), MAX_FAILURES);
        failTimes(unknown, MAX_FAILURES);

        var known = api.login(account.email(), "wrong password");
        var notRegistered = api.login(unknown, "wrong password");

        assertThat(notRegistered.status()).isEqualTo(known.status()).isEqualTo(429);
        assertThat(notRegistered.code()).isEqualTo(known.code());
        assertThat(notRegistered.text("title")).isEqualTo(known.text("title"));
        assertThat(notRegistered.header("Retry-After")).isEqualTo(known.header("Retry-After"));
    }

    @Test
    void theEmailIsThrottledWhateverItsSpelling() {
        var account = api.register();
        failTimes(account.email(), MAX_FAILURES);

        var refused = api.login("  " + account.email().toUpperCase() + " ", account.password());

        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        var account = api.register();
        failTimes(account.email(), MAX_FAILURES - 1);
        assertThat(api.login(account.email(), account.password()).status()).isEqualTo(200);

        failTimes(account.email(), MAX_FAILURES - 1);

        assertThat(api.login(account.email(), account.password()).status()).isEqualTo(200);
    }

    @Test
    void lockOutsDoubleUntilASuccessfulSignIn() {
        var account = api.register();
        failTimes(account.email(), MAX_FAILURES);
        assertThat(api.login(account.email(), "wrong").header("Retry-After")).isEqualTo("60");

        endLockOut(account.email());
        failTimes(account.email(), MAX_FAILURES);
        assertThat(api.login(account.email(), "wrong").header("Retry-After")).isEqualTo("120");

        endLockOut(account.email());
        failTimes(account.email(), MAX_FAILURES);
        assertThat(api.login(account.email(), "wrong").header("Retry-After")).isEqualTo("240");

        endLockOut(account.email());
        assertThat(api.login(account.email(), account.password()).status()).isEqualTo(200);
        failTimes(account.email(), MAX_FAILURES);
        assertThat(api.login(account.email(), "wrong").header("Retry-After")).isEqualTo("60");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        var account = api.register();
        failTimes(account.email(), MAX_FAILURES);
        jdbc.sql("""
                        update login_throttle set window_started_at = now() - interval '16 minutes'
                         where email_hash = sha256(convert_to(:email, 'UTF8'))
                        """).param("email", account.email()).update();

        failTimes(account.email(), MAX_FAILURES - 1);

        assertThat(api.login(account.email(), account.password()).status()).isEqualTo(200);
    }

    @Test
    void otherEmailsAreNotAffected() {
        var victim = api.register();
        var bystander = api.register();
        failTimes(victim.email(), MAX_FAILURES);
        assertThat(api.login(victim.email(), "wrong").status()).isEqualTo(429);

        assertThat(api.login(bystander.email(), bystander.password()).status()).isEqualTo(200);
    }

    @Test
    void theThrottleStoresOnlyAHashOfTheEmail() {
        String email = AuthApi.uniqueEmail();
        failTimes(email, 1);

        assertThat(jdbc.sql("select count(*) from login_throttle where email_hash = sha256(convert_to(:email, 'UTF8'))")
                        .param("email", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** Guesses sent at once cannot all pass before the first failure is recorded. */
    @RepeatedTest(3)
    void concurrentGuessesCheckAtMostTheAllowedNumberOfPasswords() throws Exception {
        var account = api.register();
        int threads = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AuthApi.Response>> futures = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int guess = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.login(account.email(), "guess number " + guess);
                }));
            }
            start.countDown();
            for (Future<AuthApi.Response> future : futures) {
                statuses.add(future.get().status());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(MAX_FAILURES);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(threads - MAX_FAILURES);
    }

    private void failTimes(String email, int times) {
        for (int i = 0; i < times; i++) {
            var response = api.login(email, "not the password " + i);
            assertThat(response.status()).as("attempt %d: %s", i + 1, response).isEqualTo(401);
        }
    }

    /** As if the lock-out had run its time. */
    private void endLockOut(String email) {
        int updated = jdbc.sql("""
                        update login_throttle set locked_until = now() - interval '1 second'
                         where email_hash = sha256(convert_to(:email, 'UTF8')) and locked_until is not null
                        """).param("email", email).update();
        assertThat(updated).isEqualTo(1);
    }
}
