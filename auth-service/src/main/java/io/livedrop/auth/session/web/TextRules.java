package io.livedrop.auth.session.web;

import java.util.Locale;

/** Shapes of the text fields of {@code /api/auth/*} requests; emails are normalised (trimmed, lower-cased) on the way in. */
final class TextRules {

    /** One mailbox, with a dot in the domain: "a@b" is rarely a real address. */
    static final String EMAIL_SHAPE = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

    /** PostgreSQL text cannot hold NUL, and no name or email needs control characters. */
    static final String PRINTABLE = "[^\\p{Cntrl}]*";

    static final String NOT_PRINTABLE = "must not contain control characters";

    private TextRules() {}

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
