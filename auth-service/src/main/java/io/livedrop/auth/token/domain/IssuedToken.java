package io.livedrop.auth.token.domain;

import java.time.Instant;

/**
 * A signed token and how long it is valid.
 *
 * @param value the compact JWS
 * @param expiresIn seconds until it expires, as of issuing
 * @param expiresAt when it expires
 */
public record IssuedToken(String value, long expiresIn, Instant expiresAt) {}
