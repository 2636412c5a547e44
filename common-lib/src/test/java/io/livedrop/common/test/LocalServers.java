package io.livedrop.common.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Locale;

/** Where the local test servers are, and whether they answer. */
final class LocalServers {

    static final String POSTGRES_HOST = env("TEST_POSTGRES_HOST", "127.0.0.1");
    static final int POSTGRES_PORT = Integer.parseInt(env("TEST_POSTGRES_PORT", "5432"));
    static final String POSTGRES_USER = env("TEST_POSTGRES_USER", "postgres");
    static final String POSTGRES_PASSWORD = env("TEST_POSTGRES_PASSWORD", "");
    static final String REDIS_HOST = env("TEST_REDIS_HOST", "127.0.0.1");
    static final int REDIS_PORT = Integer.parseInt(env("TEST_REDIS_PORT", "6379"));

    private LocalServers() {}

    static boolean postgresReachable() {
        return reachable(POSTGRES_HOST, POSTGRES_PORT);
    }

    static boolean redisReachable() {
        return reachable(REDIS_HOST, REDIS_PORT);
    }

    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A short name of the module under test, for database names and key prefixes. */
    static String moduleName() {
        String dir = Path.of(System.getProperty("user.dir")).getFileName().toString();
        return dir.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").replace("service", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
