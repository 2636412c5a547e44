package io.livedrop.common.idempotency;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The response of a completed idempotent request, exactly as it was sent (status, content type and
 * body text), so a replay is byte-for-byte the first answer.
 */
public record StoredResponse(int status, String contentType, String body) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public ResponseEntity<String> toResponseEntity(boolean replayed) {
        var builder = ResponseEntity.status(status).contentType(MediaType.parseMediaType(contentType));
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.body(body);
    }
}
