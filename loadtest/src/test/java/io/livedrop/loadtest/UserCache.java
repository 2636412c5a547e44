package io.livedrop.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Users registered by earlier runs against the same gateway, with their access tokens, in
 * {@code <workDir>/users-<prefix>.csv}. Only tokens younger than {@code reuseUsersFor} (30 min) are
 * reused: {@code ./livedrop up --load-test} sets ACCESS_TOKEN_TTL to 45 min. A fleet that no longer
 * accepts them (purged, or another TTL) is detected with one call on the oldest and the file is dropped.
 */
final class UserCache {

    private UserCache() {}

    static List<Api.User> load(String prefix, Api api) {
        Path file = file(prefix);
        Duration maxAge = Settings.seconds("reuseUsersFor", 1800);
        if (maxAge.isZero() || !Files.exists(file)) {
            return List.of();
        }
        try {
            Instant oldest = Instant.now().minus(maxAge);
            List<Api.User> users = Files.readAllLines(file).stream()
                    .map(line -> line.split(","))
                    .filter(fields -> fields.length == 5
                            && fields[0].equals(Settings.gatewayUrl())
                            && Instant.parse(fields[1]).isAfter(oldest))
                    .map(fields -> new Api.User(fields[2], fields[3], fields[4]))
                    .toList();
            if (!users.isEmpty() && api.get("/api/users/me", users.getFirst()).status() != 200) {
                Files.delete(file);
                return List.of();
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void append(String prefix, List<Api.User> users) {
        String now = Instant.now().toString();
        List<String> lines = users.stream()
                .map(user -> String.join(",", Settings.gatewayUrl(), now, user.id(), user.email(), user.token()))
                .toList();
        try {
            Files.createDirectories(file(prefix).toAbsolutePath().getParent());
            Files.write(file(prefix), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String prefix) {
        return Path.of(Settings.text("workDir", "target/loadtest"), "users-" + prefix + ".csv");
    }
}
