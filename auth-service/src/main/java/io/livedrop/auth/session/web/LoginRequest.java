package io.livedrop.auth.session.web;

import static io.livedrop.auth.session.web.TextRules.NOT_PRINTABLE;
import static io.livedrop.auth.session.web.TextRules.PRINTABLE;

import io.livedrop.common.web.OpaqueText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login}; the email is normalised as at registration. */
record LoginRequest(
        @NotBlank @Size(max = 254) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE)
        String email,

        @NotNull @Size(max = 128) @OpaqueText String password) {

    LoginRequest {
        email = TextRules.normaliseEmail(email);
    }
}
