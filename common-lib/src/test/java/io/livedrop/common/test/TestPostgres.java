package io.livedrop.common.test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A fresh database on the local PostgreSQL for this test JVM (one module's run), created on first
 * use and dropped when the JVM exits. Databases left behind by killed runs are dropped once they
 * are old enough that no run can still be using them.
 */
public final class TestPostgres {

    private static final String PREFIX = "ld_test_";
    private static final Duration ABANDONED_AFTER = Duration.ofHours(6);
    private static final java.util.Set<String> ISOLATED = new java.util.HashSet<>();
    private static volatile String databaseName;

    private TestPostgres() {}

    public static synchronized String jdbcUrl() {
        if (databaseName == null) {
            requireReachable();
            databaseName =
                    PREFIX + LocalServers.moduleName() + "_" + Instant.now().getEpochSecond() + "_"
                            + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
            dropAbandonedDatabases();
            execute("create database " + databaseName);
            Runtime.getRuntime()
                    .addShutdownHook(
                            TestContexts.afterContextsClosed("drop-test-database", TestPostgres::dropDatabase));
        }
        return urlOf(databaseName);
    }

    /**
     * Another fresh database, for a test whose Spring context must not share state (for example an
     * outbox relay) with the module's other contexts. Dropped when the JVM exits.
     */
    public static synchronized String isolatedJdbcUrl(String purpose) {
        jdbcUrl();
        String name =
                databaseName + "_" + purpose.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (ISOLATED.add(name)) {
            execute("create database " + name);
            Runtime.getRuntime()
                    .addShutdownHook(
                            TestContexts.afterContextsClosed("drop-test-database-" + name, () -> dropQuietly(name)));
        }
        return urlOf(name);
    }

    public static String username() {
        return LocalServers.POSTGRES_USER;
    }

    public static String password() {
        return LocalServers.POSTGRES_PASSWORD;
    }

    private static void dropDatabase() {
        dropQuietly(databaseName);
    }

    private static void dropQuietly(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (RuntimeException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void dropAbandonedDatabases() {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        for (String name : testDatabases()) {
            String[] parts = name.split("_");
            try {
                if (Long.parseLong(parts[parts.length - 2]) < cutoff) {
                    execute("drop database if exists " + name + " with (force)");
                }
            } catch (RuntimeException notOurs) {
                // a database of another naming scheme or still in use: leave it
            }
        }
    }

    private static List<String> testDatabases() {
        List<String> names = new ArrayList<>();
        try (Connection c = adminConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void execute(String sql) {
        try (Connection c = adminConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                urlOf("postgres"), LocalServers.POSTGRES_USER, LocalServers.POSTGRES_PASSWORD);
    }

    private static String urlOf(String database) {
        return "jdbc:postgresql://" + LocalServers.POSTGRES_HOST + ":" + LocalServers.POSTGRES_PORT + "/" + database;
    }

    private static void requireReachable() {
        if (!LocalServers.postgresReachable()) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + LocalServers.POSTGRES_HOST + ":"
                    + LocalServers.POSTGRES_PORT + " and no Docker engine was found. Start it with "
                    + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' (or run .ci/run).");
        }
    }
}
