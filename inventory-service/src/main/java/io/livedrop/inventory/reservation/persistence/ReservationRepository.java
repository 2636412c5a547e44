package io.livedrop.inventory.reservation.persistence;

import static io.livedrop.common.jdbc.SqlTimes.instant;

import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReservationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reservation rows. Every state change is a conditional update ({@code where status = :from}): of
 * two transactions racing to end the same hold, exactly one gets the row back.
 */
@Repository
public class ReservationRepository {

    private static final String COLUMNS = "reservation_id, drop_id, user_id, quantity, status, expires_at, created_at";

    private final JdbcClient jdbc;

    public ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Reservation> find(UUID reservationId) {
        return jdbc.sql("select " + COLUMNS + " from reservation where reservation_id = :id")
                .param("id", reservationId)
                .query(ReservationRepository::map)
                .optional();
    }

    /**
     * Moves the reservation from {@code from} to {@code to}.
     *
     * @param releasedBy who released it (only for {@code to = released})
     * @return the reservation in its new state, or empty when it was not in {@code from}
     */
    public Optional<Reservation> transition(
            UUID reservationId, ReservationStatus from, ReservationStatus to, String releasedBy) {
        return jdbc.sql("""
                update reservation
                   set status = :to, released_by = :releasedBy, updated_at = now()
                 where reservation_id = :id and status = :from
                returning reservation_id, drop_id, user_id, quantity, status, expires_at, created_at
                """)
                .param("id", reservationId)
                .param("from", from.value())
                .param("to", to.value())
                .param("releasedBy", releasedBy, java.sql.Types.VARCHAR)
                .query(ReservationRepository::map)
                .optional();
    }

    /**
     * Releases up to {@code limit} holds whose {@code expiresAt} passed more than {@code grace} ago.
     * {@code for update skip locked}: reapers of several instances take disjoint batches, and a hold
     * that a confirm or release is changing right now is left to that transaction.
     */
    public List<Reservation> releaseExpired(Duration grace, int limit) {
        return jdbc.sql("""
                with expired as (
                    select reservation_id from reservation
                    where status = 'held' and expires_at < now() - make_interval(secs => :graceSeconds)
                    order by expires_at
                    limit :limit
                    for update skip locked
                )
                update reservation r
                   set status = 'released', released_by = 'reaper', updated_at = now()
                  from expired
                 where r.reservation_id = expired.reservation_id
                returning r.reservation_id, r.drop_id, r.user_id, r.quantity, r.status, r.expires_at, r.created_at
                """)
                .param("graceSeconds", grace.toNanos() / 1e9)
                .param("limit", limit)
                .query(ReservationRepository::map)
                .list();
    }

    public static Reservation map(ResultSet rs, int row) throws SQLException {
        return new Reservation(
                rs.getObject("reservation_id", UUID.class),
                rs.getObject("drop_id", UUID.class),
                rs.getString("user_id"),
                rs.getInt("quantity"),
                ReservationStatus.of(rs.getString("status")),
                instant(rs, "expires_at"),
                instant(rs, "created_at"));
    }
}
