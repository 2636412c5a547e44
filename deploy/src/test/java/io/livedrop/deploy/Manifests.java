package io.livedrop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads the repository's YAML assets as plain maps (every document of every file, or what kustomize renders). */
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

    public static List<Map<String, Object>> documentsOf(Path file) {
        try {
            return documentsIn(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The objects kustomize renders from a kustomization directory, as {@code kubectl apply -k} would
     * apply them: {@code kubectl kustomize DIR}, or {@code kustomize build DIR} without kubectl.
     */
    public static List<Map<String, Object>> kustomize(Path dir) {
        List<List<String>> commands =
                List.of(List.of("kubectl", "kustomize", dir.toString()), List.of("kustomize", "build", dir.toString()));
        for (List<String> command : commands) {
            Process process;
            try {
                process = new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.PIPE)
                        .start();
            } catch (IOException notInstalled) {
                continue;
            }
            try {
                String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + errors);
                }
                return documentsIn(rendered);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("rendering " + dir + " needs kubectl (or kustomize) on the PATH");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documentsIn(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                documents.add((Map<String, Object>) map);
            }
        }
        return documents;
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
