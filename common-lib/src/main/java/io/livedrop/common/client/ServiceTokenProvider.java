package io.livedrop.common.client;

/** Supplies a currently valid service token (scope {@code internal}) for calls to other services. */
@FunctionalInterface
public interface ServiceTokenProvider {

    String token();
}
