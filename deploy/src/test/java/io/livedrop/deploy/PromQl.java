package io.livedrop.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads (functions, label names, keywords and ranges removed). */
public final class PromQl {

    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {}

    public static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!KEYWORDS.contains(name.toLowerCase()) && !name.matches("\\d.*")) {
                names.add(name);
            }
        }
        return names;
    }
}
