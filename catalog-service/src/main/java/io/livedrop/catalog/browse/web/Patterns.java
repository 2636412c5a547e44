package io.livedrop.catalog.browse.web;

/** Regular expressions shared by request records. */
public final class Patterns {

    /** Contains at least one non-whitespace character (null passes: absent in a partial update). */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private Patterns() {}
}
