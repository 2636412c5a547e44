package io.livedrop.common.replica;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Puts the routing in front of the application's DataSource (the primary pool Boot configured from
 * {@code spring.datasource.*}, left exactly as it is): lazy connections, then primary or replica.
 */
final class ReadRoutingPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<ReplicaPool> replica;
    private final ObjectProvider<ReplicaLag> lag;
    private final ObjectProvider<MeterRegistry> meters;

    ReadRoutingPostProcessor(
            ObjectProvider<ReplicaPool> replica, ObjectProvider<ReplicaLag> lag, ObjectProvider<MeterRegistry> meters) {
        this.replica = replica;
        this.lag = lag;
        this.meters = meters;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!"dataSource".equals(beanName) || !(bean instanceof DataSource primary)) {
            return bean;
        }
        var routing = new ReadRoutingDataSource(
                primary, replica.getObject().dataSource(), lag.getObject(), meters.getObject());
        var lazy = new LazyConnectionDataSourceProxy(routing);
        // the pools' defaults (Hikari, PostgreSQL): the proxy need not open a connection to learn them
        lazy.setDefaultAutoCommit(true);
        lazy.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return lazy;
    }
}
