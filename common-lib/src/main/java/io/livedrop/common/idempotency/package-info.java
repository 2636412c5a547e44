/**
 * Idempotency-Key handling of API.md, reusable by any servlet endpoint: durable records in PostgreSQL
 * ({@code idempotency_record}), leases for in-flight requests, replay of stored 2xx/4xx answers.
 *
 * <p>Opt-in: a service that owns the {@code idempotency_record} table in its own Flyway migrations
 * imports {@link io.livedrop.common.idempotency.IdempotencyConfiguration}.
 */
package io.livedrop.common.idempotency;
