package io.livedrop.common.replica;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

/**
 * The read replica, wired only when {@code livedrop.datasource.read.url} ({@code DB_READ_URL}) is set:
 * its pool, the lag checker, the routing in front of the application's DataSource and the
 * {@link ReplicaRead} advice. Without it none of these exist and every read goes to the primary.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({HikariDataSource.class, LazyConnectionDataSourceProxy.class})
@Conditional(ReadReplicaConfiguration.ReadUrlSet.class)
@EnableConfigurationProperties(ReadReplicaProperties.class)
public class ReadReplicaConfiguration {

    /** Ahead of the transaction advice: the mark must be set before a transaction can begin. */
    static final int ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    ReplicaPool replicaPool(ReadReplicaProperties properties, DataSourceProperties primary, MeterRegistry meters) {
        return new ReplicaPool(properties, primary.determineUsername(), primary.determinePassword(), meters);
    }

    @Bean
    ReplicaLag replicaLag(ReplicaPool pool, ReadReplicaProperties properties, MeterRegistry meters) {
        var lag = new ReplicaLag(pool.dataSource(), properties.maxLag(), properties.checkInterval(), meters);
        lag.start();
        return lag;
    }

    @Bean
    static ReadRoutingPostProcessor readRoutingPostProcessor(
            ObjectProvider<ReplicaPool> pool, ObjectProvider<ReplicaLag> lag, ObjectProvider<MeterRegistry> meters) {
        return new ReadRoutingPostProcessor(pool, lag, meters);
    }

    /** An infrastructure advisor, so the auto-proxy creator Boot's transaction support registers applies it. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor replicaReadAdvisor() {
        var onMethod = new AnnotationMatchingPointcut(null, ReplicaRead.class, true);
        var onClass = new AnnotationMatchingPointcut(ReplicaRead.class, true);
        MethodInterceptor advice = invocation -> ReadReplica.readThrowing(invocation::proceed);
        var advisor = new DefaultPointcutAdvisor(new ComposablePointcut(onClass).union(onMethod), advice);
        advisor.setOrder(ADVICE_ORDER);
        return advisor;
    }

    static final class ReadUrlSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("livedrop.datasource.read.url"));
        }
    }
}
