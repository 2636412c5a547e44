package io.livedrop.common.test;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A response of the service under test. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return body == null || body.isBlank() ? StubServer.JSON.missingNode() : StubServer.JSON.readTree(body);
    }

    public String text(String field) {
        JsonNode node = json().path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    public String code() {
        return text("code");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
