package io.livedrop.common.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of propagation headers: {@code name=value} lines. Header names and values of the
 * W3C and B3 formats contain neither '=' in names nor line breaks.
 */
final class TraceHeaders {

    private TraceHeaders() {}

    static String format(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        headers.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    headers.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return headers;
    }
}
