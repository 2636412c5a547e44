package io.livedrop.catalog.room.persistence;

import io.livedrop.catalog.room.domain.RoomDrop;
import io.livedrop.common.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the room needs to know of drops: window, whether it has a room, and whether it sold out. */
public class RoomDropRepository {

    private static final String SELECT = "select id, starts_at, ends_at, waiting_room, available from drops";

    private final JdbcClient jdbc;

    public RoomDropRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RoomDrop> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(RoomDropRepository::row)
                .optional();
    }

    /**
     * Rooms whose drop has started and ended at most {@code endedSince} ago: live ones to admit from,
     * ended ones to close (also after an outage of every instance, within the keys' retention).
     */
    public List<RoomDrop> startedRooms(Instant now, Instant endedSince) {
        return jdbc.sql(SELECT + " where waiting_room and ends_at > :endedSince and starts_at <= :now")
                .param("endedSince", SqlTimes.utc(endedSince))
                .param("now", SqlTimes.utc(now))
                .query(RoomDropRepository::row)
                .list();
    }

    private static RoomDrop row(ResultSet rs, int n) throws SQLException {
        return new RoomDrop(
                rs.getObject("id", UUID.class),
                SqlTimes.instant(rs, "starts_at"),
                SqlTimes.instant(rs, "ends_at"),
                rs.getBoolean("waiting_room"),
                rs.getInt("available"));
    }
}
