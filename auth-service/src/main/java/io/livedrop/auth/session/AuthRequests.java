package io.livedrop.auth.session;

import io.livedrop.common.web.OpaqueText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** Request bodies of {@code /api/auth/*}. Emails are normalised (trimmed, lower-cased) on the way in. */
final class AuthRequests {

    /** One mailbox, with a dot in the domain: "a@b" is rarely a real address. */
    static final String EMAIL_SHAPE = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

    /** PostgreSQL text cannot hold NUL, and no name or email needs control characters. */
    static final String PRINTABLE = "[^\\p{Cntrl}]*";

    static final String NOT_PRINTABLE = "must not contain control characters";

    private AuthRequests() {}

    record Register(
            @NotBlank @Size(max = 254) @Email(regexp = EMAIL_SHAPE)
            String email,

            // only ever hashed: any character is fine (see OpaqueText)
            @NotNull @Size(min = 8, max = 128) @OpaqueText String password,

            @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE)
            String name) {

        Register {
            email = normaliseEmail(email);
            name = name == null ? null : name.strip();
        }
    }

    record Login(
            @NotBlank @Size(max = 254) @Pattern(regexp = PRINTABLE, message = NOT_PRINTABLE)
            String email,

            @NotNull @Size(max = 128) @OpaqueText String password) {

        Login {
            email = normaliseEmail(email);
        }
    }

    /** Refresh and logout. */
    record RefreshToken(@NotBlank @Size(max = 256) String refreshToken) {}

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
