package io.livedrop.common.replica;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;

/**
 * The connection pool of the replica. Deliberately not a {@code DataSource} bean: the application has
 * one DataSource (the routing one), so Boot's JDBC, Flyway and health wiring stay as they are.
 */
public final class ReplicaPool implements DisposableBean {

    private final HikariDataSource dataSource;

    ReplicaPool(ReadReplicaProperties properties, String username, String password, MeterRegistry meters) {
        dataSource = new HikariDataSource();
        dataSource.setPoolName("replica");
        dataSource.setJdbcUrl(properties.url());
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setMinimumIdle(Math.min(2, properties.poolSize()));
        dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // a write on a replica connection fails in the driver already, in autocommit mode too
        dataSource.setReadOnly(true);
        dataSource.addDataSourceProperty("readOnlyMode", "always");
        // start even while the replica is down: reads use the primary until it answers
        dataSource.setInitializationFailTimeout(-1);
        dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
