package io.livedrop.common.security;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.Problems;
import io.livedrop.common.error.ServletProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters, in the same problem+json shape as everything else; 503 when
 * a token could not be checked at all (auth-service's JWKS unreachable or too slow), which says
 * nothing about the token.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ServletProblemWriter writer;

    public ProblemSecurityHandlers(ServletProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            writer.write(
                    response,
                    Problems.of(
                            ErrorCode.SERVICE_UNAVAILABLE,
                            "Tokens cannot be validated right now; retry shortly",
                            request.getRequestURI()));
            return;
        }
        String detail = ex instanceof InvalidBearerTokenException
                ? "The access token is invalid or expired"
                : "A valid bearer token is required";
        response.setHeader("WWW-Authenticate", "Bearer");
        writer.write(response, Problems.of(ErrorCode.UNAUTHENTICATED, detail, request.getRequestURI()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        writer.write(
                response,
                Problems.of(ErrorCode.FORBIDDEN, "This token does not grant access here", request.getRequestURI()));
    }
}
