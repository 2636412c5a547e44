package io.livedrop.auth.user.persistence;

import io.livedrop.auth.user.domain.UserAccount;
import io.livedrop.common.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user and the hash sign-in checks a password against. */
    public record Credentials(UserAccount user, String passwordHash) {}

    /**
     * Inserts a user unless the email is taken. Two concurrent registrations of one email both reach
     * the unique index: the second waits for the first to commit and then inserts nothing.
     *
     * @return the new user, or empty when the email is already registered
     */
    public Optional<UserAccount> insert(UUID id, String email, String passwordHash, String name, Instant createdAt) {
        return jdbc.sql("""
                        insert into users (id, email, password_hash, name, created_at)
                        values (:id, :email, :passwordHash, :name, :createdAt)
                        on conflict on constraint users_email_unique do nothing
                        returning id, email, name, created_at, creator
                        """)
                .param("id", id)
                .param("email", email)
                .param("passwordHash", passwordHash)
                .param("name", name)
                .param("createdAt", SqlTimes.utc(createdAt))
                .query(UserRepository::account)
                .optional();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("select id, email, name, created_at, creator from users where id = :id")
                .param("id", id)
                .query(UserRepository::account)
                .optional();
    }

    public Optional<Credentials> findCredentials(String email) {
        return jdbc.sql("select id, email, name, created_at, creator, password_hash from users where email = :email")
                .param("email", email)
                .query((rs, n) -> new Credentials(account(rs, n), rs.getString("password_hash")))
                .optional();
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = :passwordHash where id = :id")
                .param("id", id)
                .param("passwordHash", passwordHash)
                .update();
    }

    /** @return whether the user exists (the flag is set either way afterwards) */
    public boolean markCreator(UUID id) {
        return jdbc.sql("update users set creator = true where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                SqlTimes.instant(rs, "created_at"),
                rs.getBoolean("creator"));
    }
}
