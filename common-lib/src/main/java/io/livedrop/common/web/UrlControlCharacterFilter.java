package io.livedrop.common.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.FieldViolation;
import io.livedrop.common.error.Problems;
import io.livedrop.common.error.ServletProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses a request whose path or query string decodes to a control character (U+0000–U+001F) with
 * 400 {@code VALIDATION_FAILED} naming the parameter, before security or any controller runs: such a
 * value is never an id, a cursor or a search text, must not be echoed back in an error detail, and a
 * NUL would reach PostgreSQL as a 500. Tomcat already refuses an encoded NUL in the path itself.
 */
public class UrlControlCharacterFilter extends OncePerRequestFilter {

    private final ServletProblemWriter problems;

    public UrlControlCharacterFilter(ServletProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldViolation> violations = new ArrayList<>();
        if (ControlCharacters.containsAny(decode(request.getRequestURI()))) {
            violations.add(new FieldViolation("path", ControlCharacters.SINGLE_LINE_MESSAGE));
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (ControlCharacters.containsAny(name) || ControlCharacters.containsAny(value)) {
                    String field = ControlCharacters.containsAny(name) ? "query" : name;
                    if (violations.stream().noneMatch(v -> v.field().equals(field))) {
                        violations.add(new FieldViolation(field, ControlCharacters.SINGLE_LINE_MESSAGE));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            problems.write(
                    response,
                    Problems.of(
                            ErrorCode.VALIDATION_FAILED, "Request validation failed", safePath(request), violations));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Percent-decoded, with {@code +} as a space as in a form; undecodable input is checked as is. */
    private static String decode(String raw) {
        try {
            return UriUtils.decode(raw.replace('+', ' '), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static String safePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return ControlCharacters.containsAny(decode(uri)) ? null : uri;
    }
}
