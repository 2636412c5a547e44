package io.livedrop.common.client;

/**
 * Supplies a currently valid service token (with this service's {@code internal:*} scopes) for calls
 * to other services.
 */
@FunctionalInterface
public interface ServiceTokenProvider {

    String token();
}
