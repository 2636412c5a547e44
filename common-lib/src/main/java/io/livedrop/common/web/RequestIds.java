package io.livedrop.common.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} convention: echoed when the client sends a sane one, generated otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private RequestIds() {}

    public static String acceptOrGenerate(String fromClient) {
        return fromClient != null && ACCEPTED.matcher(fromClient).matches()
                ? fromClient
                : UUID.randomUUID().toString();
    }
}
