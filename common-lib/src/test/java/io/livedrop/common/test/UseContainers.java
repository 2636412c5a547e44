package io.livedrop.common.test;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** No local PostgreSQL, but a Docker engine: run the servers in containers. */
class UseContainers implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !new UseLocalServers().matches(context, metadata);
    }
}
