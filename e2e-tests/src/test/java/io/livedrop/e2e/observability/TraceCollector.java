package io.livedrop.e2e.observability;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP trace receiver for the end-to-end run: every service of the fleet exports its
 * spans here (the fleet is started with OTLP_TRACING_ENDPOINT pointing at it), so a test can check
 * which services one trace crossed.
 */
public final class TraceCollector {

    /** One received span: which service, which trace, what it was. */
    public record ReceivedSpan(String service, String traceId, String name) {}

    private static TraceCollector shared;

    private final ConcurrentLinkedQueue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();
    private final String endpoint;

    private TraceCollector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = decoded(
                        exchange.getRequestBody(), exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    receive(ExportTraceServiceRequest.parseFrom(body));
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "stop-trace-collector"));
            endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TraceCollector shared() {
        if (shared == null) {
            shared = new TraceCollector();
        }
        return shared;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The services each trace crossed so far, by trace id. */
    public Map<String, Set<String>> servicesByTrace() {
        return spans.stream()
                .collect(Collectors.groupingBy(
                        ReceivedSpan::traceId, Collectors.mapping(ReceivedSpan::service, Collectors.toSet())));
    }

    public List<ReceivedSpan> spansOf(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(ExportTraceServiceRequest request) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = resourceSpans.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name"))
                    .map(KeyValue::getValue)
                    .map(value -> value.getStringValue())
                    .findFirst()
                    .orElse("unknown");
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                scopeSpans
                        .getSpansList()
                        .forEach(span -> spans.add(new ReceivedSpan(
                                service,
                                HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                                span.getName())));
            }
        }
    }

    private static InputStream decoded(InputStream body, String encoding) throws IOException {
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
    }
}
