package io.livedrop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IdempotentRequestTests {

    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void sameRequestHasTheSameFingerprint() {
        var first = IdempotentRequest.of("user-1", KEY, "POST", "/api/orders", Map.of("quantity", 1), json);
        var second = IdempotentRequest.of("user-1", KEY, "POST", "/api/orders", Map.of("quantity", 1), json);

        assertThat(first.fingerprint()).isEqualTo(second.fingerprint()).hasSize(64);
    }

    @Test
    void whitespaceOfTheRawBodyDoesNotMatter() {
        var compact = json.readTree("{\"dropId\":\"d\",\"quantity\":2}");
        var spaced = json.readTree("{ \"dropId\" : \"d\",\n  \"quantity\" : 2 }");

        assertThat(IdempotentRequest.of("u", KEY, "POST", "/p", compact, json).fingerprint())
                .isEqualTo(IdempotentRequest.of("u", KEY, "POST", "/p", spaced, json)
                        .fingerprint());
    }

    @Test
    void otherBodyMethodOrPathChangesTheFingerprint() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("quantity", 1));
        String base = IdempotentRequest.of("u", KEY, "POST", "/api/orders", body, json)
                .fingerprint();

        assertThat(IdempotentRequest.of("u", KEY, "POST", "/api/orders", Map.of("quantity", 2), json)
                        .fingerprint())
                .isNotEqualTo(base);
        assertThat(IdempotentRequest.of("u", KEY, "PUT", "/api/orders", body, json)
                        .fingerprint())
                .isNotEqualTo(base);
        assertThat(IdempotentRequest.of("u", KEY, "POST", "/api/payments", body, json)
                        .fingerprint())
                .isNotEqualTo(base);
    }

    @Test
    void keepsScopeKeyAndPathForTheRecord() {
        var request = IdempotentRequest.of("user-1", KEY, "POST", "/api/orders", Map.of(), json);

        assertThat(request.scope()).isEqualTo("user-1");
        assertThat(request.key()).isEqualTo(KEY);
        assertThat(request.path()).isEqualTo("/api/orders");
    }
}
