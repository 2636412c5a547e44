/**
 * Reads that tolerate lag, answered by a PostgreSQL streaming replica ({@code DB_READ_URL}).
 *
 * <p>A service marks such reads with {@link io.livedrop.common.replica.ReplicaRead} or wraps them in
 * {@link io.livedrop.common.replica.ReadReplica#read}; everything else, and everything inside a write
 * transaction, uses the primary. {@link io.livedrop.common.replica.ReplicaLag} measures the replica's
 * lag in the background; while the replica is down or further behind than {@code DB_READ_MAX_LAG},
 * marked reads go to the primary too. Without {@code DB_READ_URL} nothing of this is wired: every
 * read goes to the primary as before.
 */
package io.livedrop.common.replica;
