package io.livedrop.gateway.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressResolverTests {

    private final ClientAddressResolver behindProxies =
            new ClientAddressResolver(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheTcpPeerIsTheClient() {
        var resolver = new ClientAddressResolver(List.of());

        assertThat(resolver.resolve("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void forwardedForIsIgnoredWhenThePeerIsNotTrusted() {
        assertThat(behindProxies.resolve("198.51.100.4", List.of("203.0.113.9")))
                .isEqualTo("198.51.100.4");
    }

    @Test
    void theRightmostUntrustedHopIsTheClient() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("1.1.1.1, 203.0.113.9, 192.168.1.7")))
                .isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("1.1.1.1", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("10.9.9.9, 192.168.1.7")))
                .isEqualTo("10.9.9.9");
        assertThat(behindProxies.resolve("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void garbageStopsTheWalkAtTheLastTrustedHop() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.9, evil.example.com")))
                .isEqualTo("10.0.0.5");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("999.1.1.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6AddressesAndBlocksWork() {
        assertThat(behindProxies.resolve("fd12::1", List.of("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(behindProxies.resolve("2001:db8::2", List.of("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:2");
    }

    @Test
    void rejectsMalformedProxyConfiguration() {
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
