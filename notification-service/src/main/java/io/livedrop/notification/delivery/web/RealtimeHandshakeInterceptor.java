package io.livedrop.notification.delivery.web;

import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import io.livedrop.notification.delivery.application.RealtimeGate;
import io.livedrop.notification.delivery.application.RealtimeTokenService;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates {@code GET /ws?token=&lastEventId=} before the upgrade: a bad or missing realtime
 * token answers 401, a malformed lastEventId 400, a shutting-down instance 503 — all problem+json,
 * as plain HTTP responses the client sees instead of a WebSocket.
 */
@Component
class RealtimeHandshakeInterceptor implements HandshakeInterceptor {

    static final String USER_ID = "livedrop.realtime.userId";
    static final String EXPIRES_AT = "livedrop.realtime.expiresAt";
    static final String LAST_EVENT_ID = "livedrop.realtime.lastEventId";

    private final RealtimeTokenService tokens;
    private final RealtimeGate gate;
    private final JsonMapper json;

    RealtimeHandshakeInterceptor(RealtimeTokenService tokens, RealtimeGate gate, JsonMapper json) {
        this.tokens = tokens;
        this.gate = gate;
        this.json = json;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        try {
            if (!gate.accepting()) {
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "This instance is shutting down; connect again");
            }
            MultiValueMap<String, String> query =
                    UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
            RealtimeTokenService.Identity identity = tokens.check(decoded(query.getFirst("token")));
            OptionalLong lastEventId = ResumePositions.parse("lastEventId", decoded(query.getFirst("lastEventId")));
            attributes.put(USER_ID, identity.userId());
            attributes.put(EXPIRES_AT, identity.expiresAt());
            attributes.put(LAST_EVENT_ID, lastEventId);
            return true;
        } catch (ApiException refused) {
            reject(request, response, refused);
            return false;
        }
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}

    private void reject(ServerHttpRequest request, ServerHttpResponse response, ApiException refused) {
        ProblemDetail problem = Problems.of(
                refused.code(), refused.getMessage(), request.getURI().getPath(), refused.violations());
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refused.code() == ErrorCode.UNAUTHENTICATED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        if (refused.code() == ErrorCode.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        try {
            response.getBody().write(json.writeValueAsBytes(Problems.toJsonMap(problem)));
        } catch (java.io.IOException clientGone) {
            // nothing to answer to
        }
    }

    private static String decoded(String value) {
        return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
    }
}
