package io.livedrop.common.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the servlet response, for filters that run before Spring MVC. */
public final class ServletProblemWriter {

    private final JsonMapper jsonMapper;

    public ServletProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == 503 && response.getHeader("Retry-After") == null) {
            response.setHeader("Retry-After", "1"); // a 503 always says when to come back
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), Problems.toJsonMap(problem));
    }
}
