package io.livedrop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads the repository's YAML assets as plain maps (every document of every file). */
public final class Manifests {

    private Manifests() {}

    public static Path root() {
        return Path.of(System.getProperty("livedrop.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    public static List<Map<String, Object>> documentsUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .forEach(f -> documents.addAll(documentsOf(f)));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documentsOf(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml(new LoaderOptions()).loadAll(Files.readString(file))) {
                if (document instanceof Map<?, ?> map) {
                    documents.add((Map<String, Object>) map);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at a dotted path ({@code spec.template.spec}); list indexes as numbers. */
    @SuppressWarnings("unchecked")
    public static <T> T at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                int index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return (T) current;
    }
}
