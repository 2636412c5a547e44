package io.livedrop.common.test;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Local PostgreSQL answers, or there is no Docker engine to start one (then tests say how to fix it). */
class UseLocalServers implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return LocalServers.postgresReachable() || !DockerEngine.available();
    }
}
