package io.livedrop.common.replica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read replica ({@code livedrop.datasource.read.*}; environment names in livedrop-defaults.yml).
 * The replica uses the primary's user and password.
 *
 * @param url JDBC URL of the replica's copy of the service's database ({@code DB_READ_URL}); empty:
 *     no replica, every read goes to the primary
 * @param maxLag marked reads go to the primary while the replica is further behind than this
 * @param checkInterval how often the replica's lag is measured (in the background, not per query)
 * @param poolSize connections to the replica
 * @param connectionTimeout how long a read waits for a replica connection before it falls back to the
 *     primary; short, because the primary can answer at once
 */
@ConfigurationProperties("livedrop.datasource.read")
public record ReadReplicaProperties(
        String url, Duration maxLag, Duration checkInterval, int poolSize, Duration connectionTimeout) {

    public ReadReplicaProperties {
        maxLag = maxLag != null ? maxLag : Duration.ofSeconds(5);
        checkInterval = checkInterval != null ? checkInterval : Duration.ofSeconds(1);
        poolSize = poolSize > 0 ? poolSize : 10;
        connectionTimeout = connectionTimeout != null ? connectionTimeout : Duration.ofSeconds(1);
    }

    /**
     * How long after a commit a read may still miss it on the replica: a replica in use was at most
     * {@code maxLag} behind at its last check, which is at most three intervals old (older checks are
     * not trusted), plus a second for WAL on its way. A read of the writer's own data younger than
     * this goes to the primary.
     */
    public Duration writesVisibleAfter() {
        return maxLag.plus(checkInterval.multipliedBy(3)).plusSeconds(1);
    }
}
