/**
 * Calls to other services' internal APIs: timeouts, a circuit breaker, and the sorting of outcomes
 * into answers, business rejections and outages. Used with the clients of
 * {@link io.livedrop.common.client.InternalRestClients}; needs {@code resilience4j-circuitbreaker}
 * on the service's classpath.
 */
package io.livedrop.common.peer;
