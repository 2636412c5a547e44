package io.livedrop.auth.session.application;

import io.livedrop.auth.session.domain.OpaqueTokens;
import io.livedrop.auth.session.domain.Session;
import io.livedrop.auth.session.persistence.RefreshTokenRepository;
import io.livedrop.auth.token.application.AuthProperties;
import io.livedrop.auth.token.application.TokenService;
import io.livedrop.auth.user.domain.UserAccount;
import io.livedrop.auth.user.persistence.UserRepository;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, sign-in, refresh and sign-out. A sign-in starts a refresh-token family; each refresh uses
 * up the presented token and adds its successor to the family; a used token presented again revokes
 * the family (401 REFRESH_TOKEN_REUSED), so a stolen token and its legitimate twin both stop working.
 * A family (a session) ends {@code SESSION_MAX_LIFETIME} after its sign-in however often it is
 * refreshed: no successor outlives that, and a refresh after it is 401 INVALID_REFRESH_TOKEN.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    /** Expired refresh tokens are kept a little longer, so purging never races a refresh. */
    private static final Duration PURGE_GRACE = Duration.ofDays(1);

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final LoginThrottleService loginThrottle;
    private final PasswordService passwords;
    private final TokenService tokens;
    private final TransactionTemplate transactions;
    private final AuthProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public SessionService(
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            LoginThrottleService loginThrottle,
            PasswordService passwords,
            TokenService tokens,
            TransactionTemplate transactions,
            AuthProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.loginThrottle = loginThrottle;
        this.passwords = passwords;
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** @throws ApiException EMAIL_TAKEN, also when a concurrent registration of the email wins */
    public Session register(String email, String password, String name) {
        String hash = passwords.hash(password); // slow: before the transaction, not holding a connection
        Instant now = clock.instant();
        SignedIn signedIn = transactions.execute(status -> {
            UserAccount user = users.insert(Ids.newId(), email, hash, name, now)
                    .orElseThrow(() -> new ApiException(ErrorCode.EMAIL_TAKEN, "This email is already registered"));
            return new SignedIn(user, startFamily(user.id(), now));
        });
        meters.counter("livedrop.auth.registrations").increment();
        return session(signedIn.user(), signedIn.refreshToken());
    }

    /**
     * @throws ApiException INVALID_CREDENTIALS, the same for an unknown email and a wrong password;
     *     RATE_LIMITED (with the seconds to wait) while the email is locked out after too many
     *     unsuccessful attempts, again the same for unknown emails
     */
    public Session login(String email, String password) {
        var lockedFor = loginThrottle.admit(email);
        if (lockedFor.isPresent()) {
            meters.counter("livedrop.auth.logins", "outcome", "throttled").increment();
            throw new LoginThrottledException(lockedFor.get());
        }
        var credentials = users.findCredentials(email);
        boolean valid;
        if (credentials.isPresent()) {
            valid = passwords.matches(password, credentials.get().passwordHash());
        } else {
            passwords.matchNothing(password);
            valid = false;
        }
        meters.counter("livedrop.auth.logins", "outcome", valid ? "success" : "invalid_credentials")
                .increment();
        if (!valid) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "Email or password is incorrect");
        }
        loginThrottle.succeeded(email);
        UserAccount user = credentials.get().user();
        if (passwords.needsRehash(credentials.get().passwordHash())) {
            users.updatePasswordHash(user.id(), passwords.hash(password));
        }
        Instant now = clock.instant();
        String refreshToken = transactions.execute(status -> startFamily(user.id(), now));
        return session(user, refreshToken);
    }

    /**
     * @throws ApiException REFRESH_TOKEN_REUSED for a used token (its family is revoked, and that
     *     commits); INVALID_REFRESH_TOKEN for an unknown, expired or revoked one, or one whose session
     *     is older than the absolute session lifetime
     */
    public Session refresh(String presentedToken) {
        byte[] hash = OpaqueTokens.hash(presentedToken);
        Instant now = clock.instant();
        RefreshOutcome outcome = transactions.execute(status -> {
            var claimed = refreshTokens.claim(hash, now, now.minus(properties.sessionMaxLifetime()));
            if (claimed.isPresent()) {
                Instant sessionEnds = claimed.get().sessionStartedAt().plus(properties.sessionMaxLifetime());
                String next = issueInFamily(claimed.get().familyId(), now, sessionEnds);
                return new RefreshOutcome.Rotated(claimed.get().userId(), next);
            }
            var unclaimable = refreshTokens.find(hash);
            if (unclaimable.isPresent() && unclaimable.get().used()) {
                refreshTokens.revokeFamily(unclaimable.get().familyId(), "reuse", now);
                return new RefreshOutcome.Reused(unclaimable.get().familyId());
            }
            return new RefreshOutcome.Invalid();
        });
        return switch (outcome) {
            case RefreshOutcome.Rotated rotated -> {
                meters.counter("livedrop.auth.refreshes", "outcome", "rotated").increment();
                UserAccount user = users.findById(rotated.userId()).orElseThrow(SessionService::invalidRefreshToken);
                yield session(user, rotated.refreshToken());
            }
            case RefreshOutcome.Reused reused -> {
                meters.counter("livedrop.auth.refreshes", "outcome", "reused").increment();
                log.warn("Refresh token reused: family {} revoked", reused.familyId());
                throw new ApiException(
                        ErrorCode.REFRESH_TOKEN_REUSED,
                        "This refresh token was already used; all sessions of this sign-in are revoked");
            }
            case RefreshOutcome.Invalid invalid -> {
                meters.counter("livedrop.auth.refreshes", "outcome", "invalid").increment();
                throw invalidRefreshToken();
            }
        };
    }

    /** Revokes the family of the token if it is the caller's; anything else is silently ignored. */
    public void logout(UUID userId, String presentedToken) {
        refreshTokens.revokeFamilyOf(OpaqueTokens.hash(presentedToken), userId, clock.instant());
    }

    /** Deletes tokens expired for longer than a grace period (every purge interval: SessionCleanupScheduler). */
    public void purgeExpiredRefreshTokens() {
        int purged = refreshTokens.purgeExpiredBefore(clock.instant().minus(PURGE_GRACE));
        if (purged > 0) {
            log.info("Purged {} expired refresh tokens", purged);
        }
    }

    private record SignedIn(UserAccount user, String refreshToken) {}

    private sealed interface RefreshOutcome {
        record Rotated(UUID userId, String refreshToken) implements RefreshOutcome {}

        record Reused(UUID familyId) implements RefreshOutcome {}

        record Invalid() implements RefreshOutcome {}
    }

    private String startFamily(UUID userId, Instant now) {
        UUID familyId = Ids.newId();
        refreshTokens.startFamily(familyId, userId, now);
        return issueInFamily(familyId, now, now.plus(properties.sessionMaxLifetime()));
    }

    /** A token with the sliding lifetime, but never past the end of its session. */
    private String issueInFamily(UUID familyId, Instant now, Instant sessionEnds) {
        String token = OpaqueTokens.generate();
        Instant sliding = now.plus(properties.refreshTokenTtl());
        Instant expiresAt = sliding.isBefore(sessionEnds) ? sliding : sessionEnds;
        refreshTokens.insert(OpaqueTokens.hash(token), familyId, now, expiresAt);
        return token;
    }

    private Session session(UserAccount user, String refreshToken) {
        return new Session(user, tokens.accessToken(user.id()), refreshToken);
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or revoked");
    }
}
