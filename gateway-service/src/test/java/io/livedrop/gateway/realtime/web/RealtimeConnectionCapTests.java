package io.livedrop.gateway.realtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The realtime cap: as configured, and never more than two descriptors per connection out of what the reserve leaves. */
class RealtimeConnectionCapTests {

    @Test
    void aConfiguredCapHoldsWhereTheDescriptorsAllowIt() {
        assertThat(properties(5_000).maxConnections(20_000)).isEqualTo(5_000);
        assertThat(properties(10_000).maxConnections(1_048_576)).isEqualTo(10_000);
    }

    @Test
    void noCapIsLargerThanHalfTheOpenFilesLeftAfterTheReserve() {
        assertThat(properties(0).maxConnections(20_000)).isEqualTo(9_000);
        assertThat(properties(10_000).maxConnections(20_000)).isEqualTo(9_000);
        assertThat(properties(0).maxConnections(1_048_576)).isEqualTo(523_288);
    }

    @Test
    void itNeverFallsBelowOneAndIsAsConfiguredWhenTheLimitIsUnknown() {
        assertThat(properties(0).maxConnections(1_000)).isEqualTo(1);
        assertThat(properties(10_000).maxConnections(-1)).isEqualTo(10_000);
        assertThat(properties(0).maxConnections(-1)).isEqualTo(Integer.MAX_VALUE);
    }

    private static RealtimeConnectionProperties properties(int maxConnections) {
        return new RealtimeConnectionProperties(
                Set.of("realtime-websocket"), maxConnections, 2_000, Duration.ofSeconds(5));
    }
}
