package io.livedrop.gateway.ratelimit.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's IP for per-IP buckets: the TCP peer, unless that peer is one of our trusted proxies;
 * then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address
 * that is not one is the client. What a client could forge (entries left of an untrusted hop, or the
 * header at all when no proxy is trusted) is ignored.
 */
final class ClientAddressResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Cidr> trustedProxies;

    /** @param trustedProxies IP addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}) */
    ClientAddressResolver(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
    }

    String resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        return resolve(peer, request.getHeaders().getValuesAsList(FORWARDED_FOR));
    }

    String resolve(String peer, List<String> forwardedForHeaders) {
        Optional<InetAddress> client = literal(peer);
        if (client.isEmpty() || !isTrusted(client.get())) {
            return client.map(InetAddress::getHostAddress).orElse(peer);
        }
        List<String> hops = new ArrayList<>();
        forwardedForHeaders.forEach(
                header -> Arrays.stream(header.split(",")).map(String::trim).forEach(hops::add));
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // garbage from someone we do not trust: the last trusted hop is all we know
                break;
            }
            client = hop;
            if (!isTrusted(hop.get())) {
                break;
            }
        }
        return client.get().getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.contains(address));
    }

    /** An IP literal, parsed without ever doing a DNS lookup. */
    private static Optional<InetAddress> literal(String candidate) {
        boolean ipv4 = IPV4.matcher(candidate).matches()
                && Arrays.stream(candidate.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        // a string with a colon is only ever parsed as an IPv6 literal, never looked up
        if (!ipv4 && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String spec) {
            String[] parts = spec.split("/", 2);
            InetAddress address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: " + spec));
            int maxLength = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : maxLength;
            if (prefix < 0 || prefix > maxLength) {
                throw new IllegalArgumentException("Bad prefix length in " + spec);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
