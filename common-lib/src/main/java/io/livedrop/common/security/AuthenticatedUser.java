package io.livedrop.common.security;

/** The signed-in user of the current request, as a controller parameter. */
public record AuthenticatedUser(String id) {}
