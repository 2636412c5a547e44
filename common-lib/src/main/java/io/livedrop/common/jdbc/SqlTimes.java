package io.livedrop.common.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * {@code timestamptz} in and out of JDBC: the PostgreSQL driver speaks {@link OffsetDateTime}, the
 * code speaks {@link Instant}. Null-safe both ways.
 */
public final class SqlTimes {

    private SqlTimes() {}

    /** A bind parameter for a {@code timestamptz} column. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The instant as it will read back from PostgreSQL (microsecond precision). */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
