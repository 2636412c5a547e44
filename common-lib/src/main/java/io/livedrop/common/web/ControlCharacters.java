package io.livedrop.common.web;

/**
 * The text rule of API.md: no control characters (U+0000–U+001F) in text fields, except tab, line feed
 * and carriage return in free text. PostgreSQL refuses NUL in {@code text} outright, and the others
 * break logs, headers and the clients that display them.
 */
public final class ControlCharacters {

    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters";
    public static final String FREE_TEXT_MESSAGE =
            "must not contain control characters other than tab, line feed and carriage return";

    private ControlCharacters() {}

    /** True if {@code text} is fine for a single-line field (a title, a handle, an id, an email). */
    public static boolean isSingleLine(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code text} is fine for a free-text field: tab, LF and CR are the only control characters. */
    public static boolean isFreeText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** True if {@code text} contains any control character (for path variables and query parameters). */
    public static boolean containsAny(CharSequence text) {
        return text != null && !isSingleLine(text);
    }
}
