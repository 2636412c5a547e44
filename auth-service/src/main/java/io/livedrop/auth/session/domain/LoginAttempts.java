package io.livedrop.auth.session.domain;

import java.time.Instant;

/**
 * One email's sign-in record ({@code login_throttle}).
 *
 * @param attempts attempts admitted in the current window
 * @param windowStartedAt when the current window began
 * @param lockouts lock-outs so far (each doubles the next), until a successful sign-in
 * @param lockedUntil the end of the current or last lock-out, or null when there is none
 */
public record LoginAttempts(int attempts, Instant windowStartedAt, int lockouts, Instant lockedUntil) {}
