package io.livedrop.catalog.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** An HTTP answer of the service under test: status, headers and the JSON body (missing node if none). */
public record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

    public String code() {
        return text("code");
    }

    public String text(String field) {
        JsonNode node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    public String id() {
        return text("id");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The fields named in a problem's {@code errors[]}. */
    public java.util.List<String> errorFields() {
        java.util.List<String> fields = new java.util.ArrayList<>();
        body.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
