/**
 * Calls to other services' internal APIs: timeouts, a circuit breaker, and the sorting of outcomes
 * into answers, business rejections and outages. Duplicated in order-service and payment-service
 * until it moves to common-lib next to {@code InternalRestClients}.
 */
package io.livedrop.order.peer;
