package io.livedrop.gateway.ratelimit.persistence;

import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's token-bucket script ({@code META-INF/scripts/request_rate_limiter.lua}) with
 * one change: it reads the Redis clock to the microsecond instead of the whole second. With whole
 * seconds a bucket refills a second's worth at the turn of each second, however few milliseconds ago
 * the last request was: at one token a second, a caller just refused may pass a moment later (the
 * library's open issue spring-cloud-gateway#4027, with the same change proposed in pull request
 * #4084). Every gateway instance still shares the one Redis clock.
 *
 * <p>The library's script is patched, not copied; start-up fails when its clock expression has changed,
 * and once #4084 is released this class can go.
 */
public final class MicrosecondClockScript {

    static final String WHOLE_SECONDS = "redis.call('TIME')[1]";
    static final String MICROSECONDS =
            "(function() local t = redis.call('TIME') return tonumber(t[1]) + tonumber(t[2]) / 1000000 end)()";

    private MicrosecondClockScript() {}

    /**
     * The library's script, read once into a string (a script built from a resource asks the resource
     * for its last-modified time on every call).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static RedisScript<List<Long>> of(RedisScript<List<Long>> library) {
        String text = library.getScriptAsString();
        if (text.indexOf(WHOLE_SECONDS) < 0 || text.indexOf(WHOLE_SECONDS) != text.lastIndexOf(WHOLE_SECONDS)) {
            throw new IllegalStateException("Spring Cloud Gateway's rate limiter script no longer reads the clock as "
                    + WHOLE_SECONDS + " once: check whether it now counts sub-second time and drop this patch");
        }
        return (RedisScript) RedisScript.of(text.replace(WHOLE_SECONDS, MICROSECONDS), List.class);
    }
}
