package io.livedrop.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real streaming replica (hot standby) of the local test PostgreSQL, on a free port, cloned into a
 * temporary directory by {@code deploy/pg-replica} (the script {@code ./livedrop up --read-replica}
 * uses). It holds every database of the primary, including the test's own. {@link #close()} stops it
 * and deletes the directory; a JVM-exit hook does the same for a test that could not.
 */
public final class TestReplica implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);
    private static final String DIR_PREFIX = "ld-test-replica-";
    /** A replica directory this old belongs to a run that was killed: no live run still uses it. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    private final Path parent;
    private final Path dataDir;
    private final int port;
    private final Thread exitHook;

    private TestReplica(Path parent, int port) {
        this.parent = parent;
        this.dataDir = parent.resolve("data");
        this.port = port;
        this.exitHook = new Thread(this::removeQuietly, "stop-test-replica");
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /** Clones the local PostgreSQL into a new replica and waits until it streams. */
    public static TestReplica start() {
        try {
            removeAbandoned();
            // the server runs as the postgres user when the tests run as root: it must reach the directory
            Path parent = Files.createTempDirectory(
                    DIR_PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            TestReplica replica = new TestReplica(parent, freePort());
            replica.resume();
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The replica's copy of the database behind {@code primaryJdbcUrl}. */
    public String jdbcUrl(String primaryJdbcUrl) {
        return primaryJdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown), keeping its data for {@link #resume()}. */
    public void stop() {
        script("stop", dataDir.toString());
    }

    /** Starts the server again on the same port (or clones anew if it cannot catch up). */
    public void resume() {
        script("start", dataDir.toString(), Integer.toString(port));
    }

    /** Stops applying WAL: the replica falls behind with every commit on the primary. */
    public void pauseReplay() {
        query("select pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        query("select pg_wal_replay_resume()");
    }

    /** Waits until the replica has applied everything the primary had written when this was called. */
    public void awaitCaughtUp(Duration timeout) {
        String lsn = onServer(LocalServers.POSTGRES_PORT, "select pg_current_wal_lsn()::text");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"t".equals(query("select pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replica did not replay up to " + lsn + " within " + timeout);
            }
            sleep(50);
        }
    }

    /** Runs a one-value query on the replica's {@code postgres} database. */
    public String query(String sql) {
        return onServer(port, sql);
    }

    @Override
    public void close() {
        removeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException exiting) {
            // the hook runs anyway
        }
    }

    /** Stops and deletes the replicas of killed runs (their exit hooks never ran). */
    private static void removeAbandoned() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX))
                    .toList()) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff)) {
                    new TestReplica(dir, 0).close();
                }
            }
        }
    }

    private void removeQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the test replica in " + dataDir + ": " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(parent)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + parent + ": " + e.getMessage());
        }
    }

    private static String onServer(int port, String sql) {
        String url = "jdbc:postgresql://" + LocalServers.POSTGRES_HOST + ":" + port + "/postgres";
        try (Connection c =
                        DriverManager.getConnection(url, LocalServers.POSTGRES_USER, LocalServers.POSTGRES_PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void script(String... arguments) {
        Path script = script();
        List<String> command = Stream.concat(Stream.of(script.toString()), Stream.of(arguments))
                .toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PG_REPLICA_PRIMARY_HOST", LocalServers.POSTGRES_HOST);
        builder.environment().put("PG_REPLICA_PRIMARY_PORT", Integer.toString(LocalServers.POSTGRES_PORT));
        builder.environment().put("PG_REPLICA_PRIMARY_USER", LocalServers.POSTGRES_USER);
        try {
            Process process = builder.start();
            String output;
            try (var out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish: " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** deploy/pg-replica of this checkout: tests run in a module directory below the root. */
    private static Path script() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/pg-replica");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/pg-replica not found above " + System.getProperty("user.dir"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
