package io.livedrop.auth.user.domain;

import java.time.Instant;
import java.util.UUID;

/** A registered user as the API shows it (never with the password hash). */
public record UserAccount(UUID id, String email, String name, Instant createdAt, boolean creator) {}
