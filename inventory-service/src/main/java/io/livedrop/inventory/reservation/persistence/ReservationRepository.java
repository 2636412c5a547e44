package io.livedrop.inventory.reservation.persistence;

import static io.livedrop.common.jdbc.SqlTimes.instant;
import static io.livedrop.common.jdbc.SqlTimes.utc;

import io.livedrop.inventory.reservation.domain.Reservation;
import io.livedrop.inventory.reservation.domain.ReservationStatus;
import io.livedrop.inventory.reservation.domain.ReserveCommand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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

    /** The reservations of these ids that exist. */
    public List<Reservation> findAll(List<UUID> reservationIds) {
        return jdbc.sql("select " + COLUMNS + " from reservation where reservation_id = any(cast(:ids as uuid[]))")
                .param("ids", reservationIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(ReservationRepository::map)
                .list();
    }

    /**
     * Claims the reservation id with a new hold ({@code on conflict do nothing}).
     *
     * @return the new hold, or empty when the id is known (a retry: the existing hold is the answer)
     */
    public Optional<Reservation> claim(ReserveCommand command) {
        return jdbc.sql("""
                insert into reservation (reservation_id, drop_id, user_id, quantity, status, expires_at)
                values (:reservationId, :dropId, :userId, :quantity, 'held', :expiresAt)
                on conflict (reservation_id) do nothing
                returning reservation_id, drop_id, user_id, quantity, status, expires_at, created_at
                """)
                .param("reservationId", command.reservationId())
                .param("dropId", command.dropId())
                .param("userId", command.userId())
                .param("quantity", command.quantity())
                .param("expiresAt", utc(command.expiresAt()))
                .query(ReservationRepository::map)
                .optional();
    }

    /**
     * New holds in one multi-row insert, in the given order (callers sort by reservation id, the lock
     * order of every writer of several reservations).
     *
     * @return the holds inserted; an id claimed meanwhile is missing
     */
    public List<Reservation> insertHeld(List<ReserveCommand> holds) {
        return jdbc.sql("""
                        insert into reservation (reservation_id, drop_id, user_id, quantity, status, expires_at)
                        select r.reservation_id, r.drop_id, r.user_id, r.quantity, 'held', r.expires_at
                        from unnest(cast(:ids as uuid[]), cast(:drops as uuid[]), cast(:users as text[]),
                                    cast(:quantities as integer[]), cast(:expiresAt as timestamptz[]))
                             with ordinality as r(reservation_id, drop_id, user_id, quantity, expires_at, position)
                        order by r.position
                        on conflict (reservation_id) do nothing
                        returning reservation_id, drop_id, user_id, quantity, status, expires_at, created_at
                        """)
                .param("ids", strings(holds, command -> command.reservationId().toString()))
                .param("drops", strings(holds, command -> command.dropId().toString()))
                .param("users", strings(holds, ReserveCommand::userId))
                .param("quantities", strings(holds, command -> Integer.toString(command.quantity())))
                .param(
                        "expiresAt",
                        strings(holds, command -> command.expiresAt().toString()))
                .query(ReservationRepository::map)
                .list();
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

    private static String[] strings(List<ReserveCommand> commands, Function<ReserveCommand, String> value) {
        return commands.stream().map(value).toArray(String[]::new);
    }

    private static Reservation map(ResultSet rs, int row) throws SQLException {
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
