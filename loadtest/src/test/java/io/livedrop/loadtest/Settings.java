package io.livedrop.loadtest;

import java.time.Duration;

/**
 * Parameters of a run: {@code -Dloadtest.<name>=value} system properties, which {@code ./livedrop
 * loadtest SCENARIO name=value ...} sets. Every parameter has a default that runs in seconds.
 */
public final class Settings {

    private Settings() {}

    /** The gateway, the only entry point of the public API. */
    public static String gatewayUrl() {
        return text("baseUrl", "http://localhost:8080");
    }

    /** auth-service directly: {@code /oauth2/token} is not routed by the gateway. */
    public static String authUrl() {
        return text("authUrl", "http://localhost:8081");
    }

    /** inventory-service directly: {@code /internal/**} is not routed by the gateway. */
    public static String inventoryUrl() {
        return text("inventoryUrl", "http://localhost:8084");
    }

    /**
     * A service credential known to auth-service and granted {@code internal:inventory} (the local-dev
     * defaults of SERVICE_CLIENTS and SERVICE_CLIENT_SCOPES: order-service is the only such client).
     */
    public static String serviceClientId() {
        return text("serviceClientId", "order-service");
    }

    public static String serviceClientSecret() {
        return text("serviceClientSecret", "local-dev-service-secret");
    }

    /** The follower-service database, for loading a celebrity's edges set-based. */
    public static String followerDbUrl() {
        return text("followerDbUrl", "jdbc:postgresql://127.0.0.1:5432/livedrop_follower");
    }

    public static String dbUser() {
        return text("dbUser", "postgres");
    }

    public static String dbPassword() {
        return text("dbPassword", "");
    }

    /** Where the run's own summary (invariants, custom latencies) is written. */
    public static String summaryFile(String scenario) {
        return text("summaryFile", "target/loadtest/" + scenario + "-checks.txt");
    }

    public static String text(String name, String defaultValue) {
        String value = System.getProperty("loadtest." + name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    public static int integer(String name, int defaultValue) {
        return Integer.parseInt(text(name, Integer.toString(defaultValue)));
    }

    public static double decimal(String name, double defaultValue) {
        return Double.parseDouble(text(name, Double.toString(defaultValue)));
    }

    public static Duration seconds(String name, int defaultSeconds) {
        return Duration.ofMillis(Math.round(decimal(name, defaultSeconds) * 1000));
    }
}
