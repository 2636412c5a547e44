package io.livedrop.gateway.ratelimit.web;

import io.livedrop.gateway.ratelimit.domain.RateLimitPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which bucket ({@link RateLimitPolicy}) a request takes its token from.
 *
 * <p>The policies are chosen the way the routes are: with {@link PathPattern}s matched against the
 * parsed path, whose segments are percent-decoded (and stripped of {@code ;} parameters) before they
 * are compared. Comparing the raw path instead let {@code /api/%61uth/login}, which the router sends
 * to auth-service as {@code /api/auth/login}, take from the standard bucket. The tricks that would
 * need more normalisation ({@code //}, {@code /./}, {@code ..}, {@code ;}, encoded {@code /} or
 * {@code %}) are refused with 400 by Spring Security's firewall before routing, and the router is
 * case-sensitive, so {@code /api/AUTH/login} is not routed at all ({@code RateLimitTests} checks
 * each of them).
 */
final class RateLimitPolicyResolver {

    /** The route predicates' parser: case-sensitive, no implicit trailing slash. */
    private static final PathPatternParser PARSER = new PathPatternParser();

    private static final PathPattern AUTH_PATHS = PARSER.parse("/api/auth/**");
    private static final PathPattern ORDER_COLLECTION = PARSER.parse("/api/orders");
    private static final PathPattern ORDER_COLLECTION_SLASH = PARSER.parse("/api/orders/");
    private static final PathPattern LOGIN = PARSER.parse("/api/auth/login");
    private static final PathPattern LOGIN_SLASH = PARSER.parse("/api/auth/login/");

    static RateLimitPolicy of(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        if (AUTH_PATHS.matches(path)) {
            return RateLimitPolicy.AUTH;
        }
        if (HttpMethod.POST.equals(request.getMethod())
                && (ORDER_COLLECTION.matches(path) || ORDER_COLLECTION_SLASH.matches(path))) {
            return RateLimitPolicy.ORDERS;
        }
        return RateLimitPolicy.STANDARD;
    }

    /** A sign-in attempt, however its path is spelled: the one request whose bucket fails closed. */
    static boolean isLogin(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return HttpMethod.POST.equals(request.getMethod()) && (LOGIN.matches(path) || LOGIN_SLASH.matches(path));
    }

    private RateLimitPolicyResolver() {}
}
