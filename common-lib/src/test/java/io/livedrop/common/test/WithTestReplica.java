package io.livedrop.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * An {@link IntegrationTest} whose service reads from a real hot standby ({@link TestReplica}) of the
 * test database: the replica starts with the class's Spring context and is registered as {@code
 * livedrop.datasource.read.url} (checked every 200ms, max lag far above the few seconds a test pauses
 * replay, so a paused replica keeps answering). Each test waits until the service deems the replica
 * usable; a test method gets the replica as a {@link TestReplica} parameter. The context is dirtied
 * and the replica closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DirtiesContext
@ExtendWith(TestReplicaExtension.class)
@ContextCustomizerFactories(TestReplicaExtension.ReadReplicaProperties.class)
public @interface WithTestReplica {}
