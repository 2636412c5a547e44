package io.livedrop.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send (API.md "request limits").
 *
 * @param maxRequestBody the largest request body accepted ({@code MAX_REQUEST_BODY}, 1 MiB): a larger
 *     one is refused with 413 {@code PAYLOAD_TOO_LARGE} — at once when its {@code Content-Length} says
 *     so, otherwise as soon as that many bytes have been read. Spring data sizes are binary: {@code
 *     1MB} is 1,048,576 bytes
 */
@ConfigurationProperties("livedrop.http")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxRequestBody) {

    public RequestLimitsProperties {
        if (maxRequestBody == null || maxRequestBody.toBytes() <= 0) {
            throw new IllegalArgumentException("livedrop.http.max-request-body must be positive");
        }
    }

    /** The 413 for a body over {@code limit} bytes; the same words at the gateway and in every service. */
    public static String tooLargeDetail(long limit) {
        return "The request body is larger than " + limit + " bytes";
    }
}
