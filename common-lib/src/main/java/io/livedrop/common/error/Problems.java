package io.livedrop.common.error;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems in the one shape every LiveDrop service answers with. */
public final class Problems {

    public static final String TYPE_BASE = "https://livedrop.io/problems/";

    private Problems() {}

    public static ProblemDetail of(ErrorCode code, String detail, String instance) {
        return of(code.status(), code.name(), code.title(), detail, instance);
    }

    public static ProblemDetail of(ErrorCode code, String detail, String instance, List<FieldViolation> errors) {
        ProblemDetail problem = of(code, detail, instance);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(title);
        problem.setDetail(detail);
        if (instance != null) {
            problem.setInstance(safeUri(instance));
        }
        problem.setProperty("code", code);
        return problem;
    }

    private static URI safeUri(String instance) {
        try {
            return URI.create(instance);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    /** The flat JSON shape of a problem, for writers that do not go through Spring's message converters. */
    public static Map<String, Object> toJsonMap(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }
}
