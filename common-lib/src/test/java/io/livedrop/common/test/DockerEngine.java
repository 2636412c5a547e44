package io.livedrop.common.test;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker engine (asked once per JVM). */
final class DockerEngine {

    private static Boolean available;

    private DockerEngine() {}

    static synchronized boolean available() {
        if (available == null) {
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
        }
        return available;
    }
}
