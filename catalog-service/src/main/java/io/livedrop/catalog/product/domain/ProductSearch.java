package io.livedrop.catalog.product.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a search box text into a PostgreSQL {@code tsquery} for the {@code simple} configuration:
 * every word must match as a prefix ({@code sneak} finds "Sneakers"). Only letters and digits reach
 * the query, so the text can never be tsquery syntax.
 */
public final class ProductSearch {

    public static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_WORDS = 8;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ProductSearch() {}

    /** The tsquery, or null when the text has no word to search for. */
    public static String toTsquery(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && terms.size() < MAX_WORDS) {
                terms.add(word + ":*");
            }
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }
}
