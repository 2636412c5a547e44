package io.livedrop.auth.session.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code refresh-token-purge-interval}: deletes long-expired refresh tokens (and families left
 * without any), and forgets sign-in throttle records that have been quiet for their retention.
 */
@Component
class SessionCleanupScheduler {

    private final SessionService sessions;
    private final LoginThrottleService loginThrottle;

    SessionCleanupScheduler(SessionService sessions, LoginThrottleService loginThrottle) {
        this.sessions = sessions;
        this.loginThrottle = loginThrottle;
    }

    @Scheduled(
            fixedDelayString = "${livedrop.auth.refresh-token-purge-interval}",
            initialDelayString = "${livedrop.auth.refresh-token-purge-interval}")
    void purgeExpiredRefreshTokens() {
        sessions.purgeExpiredRefreshTokens();
    }

    @Scheduled(
            fixedDelayString = "${livedrop.auth.refresh-token-purge-interval}",
            initialDelayString = "${livedrop.auth.refresh-token-purge-interval}")
    void purgeIdleLoginThrottles() {
        loginThrottle.purgeIdle();
    }
}
