package io.livedrop.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Query strings and expectations shared by the batch read tests ({@code ?ids=a,b,c}). */
public final class Batches {

    private Batches() {}

    public static String ids(String... ids) {
        return "ids=" + String.join(",", ids);
    }

    /** One id more than a batch may ask for (101 fresh ids). */
    public static String tooManyIds() {
        return "ids="
                + IntStream.range(0, 101).mapToObj(i -> Ids.newId().toString()).collect(Collectors.joining(","));
    }

    /** A 400 {@code VALIDATION_FAILED} problem naming {@code field}. */
    public static void assertValidationFailed(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.toString()).containsExactly(field);
    }
}
