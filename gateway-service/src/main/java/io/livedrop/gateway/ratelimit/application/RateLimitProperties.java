package io.livedrop.gateway.ratelimit.application;

import io.livedrop.gateway.ratelimit.domain.RateLimitPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate-limit configuration (all from environment variables, see application.yml).
 *
 * @param redisTimeout longest a request waits for Redis before it is let through unlimited
 * @param trustedProxies IPs or CIDRs whose {@code X-Forwarded-For} names the client; empty trusts none
 * @param standard every request not covered by a stricter bucket
 * @param auth {@code /api/auth/**}
 * @param orders {@code POST /api/orders}
 * @param loginFailClosed whether {@code POST /api/auth/login} is refused (503) while Redis cannot be
 *     asked, instead of passing unlimited like everything else
 */
@Validated
@ConfigurationProperties("livedrop.gateway.rate-limit")
public record RateLimitProperties(
        @NotNull Duration redisTimeout,
        List<String> trustedProxies,
        @Valid @NotNull Limit standard,
        @Valid @NotNull Limit auth,
        @Valid @NotNull Limit orders,
        @DefaultValue("true") boolean loginFailClosed) {

    public RateLimitProperties {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::trim)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }

    public Limit limitFor(RateLimitPolicy policy) {
        return switch (policy) {
            case STANDARD -> standard;
            case AUTH -> auth;
            case ORDERS -> orders;
        };
    }

    /**
     * A token bucket.
     *
     * @param replenishRate tokens added per second (fractions allowed: 0.5 is one every two seconds)
     * @param burstCapacity the bucket size: how many requests may come at once after a quiet period
     */
    public record Limit(
            @Positive double replenishRate, @Min(1) int burstCapacity) {

        /** The rate as a header value: {@code 20}, {@code 0.5}. */
        public String replenishRateHeader() {
            return BigDecimal.valueOf(replenishRate).stripTrailingZeros().toPlainString();
        }
    }
}
