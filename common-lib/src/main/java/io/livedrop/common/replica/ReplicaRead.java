package io.livedrop.common.replica;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reads of this method (or of every method of this class) tolerate replication lag and may be
 * answered by the read replica, exactly as {@link ReadReplica#read} would run them. Called inside a
 * transaction that is already running, the method stays on that transaction's connection (the
 * primary). Without {@code DB_READ_URL} the annotation changes nothing.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReplicaRead {}
