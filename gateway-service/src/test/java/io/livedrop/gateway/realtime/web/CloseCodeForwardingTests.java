package io.livedrop.gateway.realtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.reactive.socket.CloseStatus;

/** Which close codes the relay sends on unchanged, and what it sends instead of the others. */
class CloseCodeForwardingTests {

    @ParameterizedTest(name = "{0} is sent on as {1}")
    @CsvSource({
        "1000, 1000", "1003, 1003", "1004, 1002", "1005, 1000", "1006, 1012", "1007, 1007",
        "1012, 1012", "1013, 1013", "1014, 1014", "1015, 1002", "2999, 1002", "3000, 3000",
        "4429, 4429", "4999, 4999"
    })
    void sendsOnWhatACloseFrameMayCarry(int received, int sent) {
        assertThat(WebSocketRelayFilter.forwardable(new CloseStatus(received, "why"))
                        .getCode())
                .isEqualTo(sent);
    }
}
