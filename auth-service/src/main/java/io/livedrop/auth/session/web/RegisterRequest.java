package io.livedrop.auth.session.web;

import static io.livedrop.auth.session.web.TextRules.EMAIL_SHAPE;
import static io.livedrop.auth.session.web.TextRules.NOT_PRINTABLE;
import static io.livedrop.auth.session.web.TextRules.PRINTABLE;

import io.livedrop.common.web.OpaqueText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/register}. */
record RegisterRequest(
        @NotBlank @Size(max = 254) @Email(regexp = EMAIL_SHAPE)
        String email,

        // only ever hashed: any character is fine (see OpaqueText)
        @NotNull @Size(min = 8, max = 128) @OpaqueText String password,

        @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE)
        String name) {

    RegisterRequest {
        email = TextRules.normaliseEmail(email);
        name = name == null ? null : name.strip();
    }
}
