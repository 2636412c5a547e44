package io.livedrop.catalog.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses whose body is already serialized JSON (from the read cache): written as is. */
public final class JsonBodies {

    private JsonBodies() {}

    public static ResponseEntity<byte[]> ok(byte[] json) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
