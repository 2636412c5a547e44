package io.livedrop.auth.session.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}. */
record RefreshTokenRequest(@NotBlank @Size(max = 256) String refreshToken) {}
