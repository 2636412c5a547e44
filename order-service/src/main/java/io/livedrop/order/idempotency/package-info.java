/**
 * Idempotency-Key handling of API.md, reusable by any endpoint: durable records in PostgreSQL
 * ({@code idempotency_record}), leases for in-flight requests, replay of stored 2xx/4xx answers.
 *
 * <p>The same package exists in order-service and payment-service (identical apart from the package
 * name) until it moves to common-lib, where it belongs next to the outbox.
 */
package io.livedrop.order.idempotency;
