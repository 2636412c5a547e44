package io.livedrop.e2e.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** What the gateway answered: status, headers and the JSON body (a missing node when empty). */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body, String rawBody) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String text(String field) {
        JsonNode node = body.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    public String code() {
        return text("code");
    }

    @Override
    public String toString() {
        return status + " " + rawBody;
    }
}
