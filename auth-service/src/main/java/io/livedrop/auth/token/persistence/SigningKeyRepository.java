package io.livedrop.auth.token.persistence;

import io.livedrop.auth.token.domain.PrivateKeyCipher;
import io.livedrop.common.jdbc.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The {@code signing_key} table. */
@Repository
public class SigningKeyRepository {

    /** Serialises key creation across instances (an arbitrary constant: "ldkeys"). */
    private static final long KEY_MANAGEMENT_LOCK = 0x6c646b657973L;

    private final JdbcClient jdbc;

    public SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored key, its private part still encrypted. */
    public record Row(
            String kid, byte[] publicKey, byte[] encryptedPrivateKey, Instant activatesAt, Instant retiredAt) {}

    /**
     * Blocks until no other instance manages keys, for the rest of the current transaction (released
     * at commit or rollback, also when the connection dies).
     */
    public void lockKeyManagement() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the key management lock must be taken inside a transaction");
        }
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", KEY_MANAGEMENT_LOCK)
                .query((rs, n) -> Boolean.TRUE)
                .single();
    }

    /**
     * Keys that are upcoming, current, or were replaced after {@code retiredAfter}, oldest first; a
     * key is retired when the next one (by activation) activates.
     */
    public List<Row> findRetiredAfter(Instant retiredAfter) {
        return jdbc.sql("""
                        select kid, public_key, private_key, activates_at, retired_at
                          from (select kid, public_key, private_key, activates_at,
                                       lead(activates_at) over (order by activates_at, kid) as retired_at
                                  from signing_key) keys
                         where retired_at is null or retired_at > :retiredAfter
                         order by activates_at, kid
                        """)
                .param("retiredAfter", SqlTimes.utc(retiredAfter))
                .query((rs, n) -> new Row(
                        rs.getString("kid"),
                        rs.getBytes("public_key"),
                        rs.getBytes("private_key"),
                        SqlTimes.instant(rs, "activates_at"),
                        SqlTimes.instant(rs, "retired_at")))
                .list();
    }

    public boolean hasKeyActiveAt(Instant now) {
        return jdbc.sql("select exists (select 1 from signing_key where activates_at <= :now)")
                .param("now", SqlTimes.utc(now))
                .query(Boolean.class)
                .single();
    }

    public Optional<Instant> newestCreatedAt() {
        return jdbc.sql("select max(created_at) as newest from signing_key")
                .query((rs, n) -> Optional.ofNullable(SqlTimes.instant(rs, "newest")))
                .single();
    }

    public void insert(
            String kid, byte[] publicKey, byte[] encryptedPrivateKey, Instant createdAt, Instant activatesAt) {
        jdbc.sql("""
                        insert into signing_key
                            (kid, algorithm, public_key, private_key, private_key_encryption, created_at, activates_at)
                        values (:kid, 'RS256', :publicKey, :privateKey, :encryption, :createdAt, :activatesAt)
                        """)
                .param("kid", kid)
                .param("publicKey", publicKey)
                .param("privateKey", encryptedPrivateKey)
                .param("encryption", PrivateKeyCipher.SCHEME)
                .param("createdAt", SqlTimes.utc(createdAt))
                .param("activatesAt", SqlTimes.utc(activatesAt))
                .update();
    }
}
