package io.livedrop.gateway.cache.web;

import java.util.List;
import org.springframework.http.HttpHeaders;

/** A stored public answer: its body, its representation headers and when it was stored / goes stale. */
record CachedResponse(byte[] body, HttpHeaders headers, long storedAtMillis, long expiresAtMillis) {

    static CachedResponse of(byte[] body, HttpHeaders from, List<String> kept, long nowMillis, long maxAgeMillis) {
        HttpHeaders headers = new HttpHeaders();
        kept.forEach(name -> {
            List<String> values = from.get(name);
            if (values != null) {
                headers.put(name, List.copyOf(values));
            }
        });
        return new CachedResponse(body, HttpHeaders.readOnlyHttpHeaders(headers), nowMillis, nowMillis + maxAgeMillis);
    }
}
