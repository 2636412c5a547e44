package io.livedrop.common.outbox;

import java.util.Map;

/**
 * Carries the trace of the request that changed state across the outbox: the propagation headers
 * (W3C {@code traceparent}) are captured when the event is written and sent with the Kafka record,
 * so the consumer's span continues the same trace.
 */
@FunctionalInterface
public interface OutboxTracing {

    OutboxTracing NONE = Map::of;

    /** The propagation headers of the current trace; empty when there is none. */
    Map<String, String> currentContext();
}
