package io.livedrop.catalog.creator.persistence;

import io.livedrop.catalog.creator.domain.CreatorView;
import io.livedrop.common.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreatorRepository {

    private static final String SELECT_VIEW = """
            select c.id, c.handle, c.display_name, c.bio, c.profile_image_url, c.created_at,
                   coalesce(f.follower_count, 0) as follower_count
            from creator c left join creator_follower_count f on f.creator_id = c.id
            """;

    private final JdbcClient jdbc;

    CreatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the profile unless the user already is a creator or the handle is taken (in any case):
     * the unique indexes decide, so concurrent requests cannot both win.
     */
    public boolean insert(UUID id, String handle, String displayName, String bio, String profileImageUrl, Instant now) {
        return jdbc.sql("""
                        insert into creator (id, handle, display_name, bio, profile_image_url, created_at, updated_at)
                        values (:id, :handle, :displayName, :bio, :profileImageUrl, :now, :now)
                        on conflict do nothing
                        """)
                        .param("id", id)
                        .param("handle", handle)
                        .param("displayName", displayName)
                        .param("bio", bio)
                        .param("profileImageUrl", profileImageUrl)
                        .param("now", SqlTimes.utc(now))
                        .update()
                == 1;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from creator where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public Optional<CreatorView> find(UUID id) {
        return jdbc.sql(SELECT_VIEW + " where c.id = :id")
                .param("id", id)
                .query(CreatorRepository::view)
                .optional();
    }

    /** The profile with this handle, whatever its case (the unique index on lower(handle) serves it). */
    public Optional<CreatorView> findByHandle(String handle) {
        return jdbc.sql(SELECT_VIEW + " where lower(c.handle) = lower(:handle)")
                .param("handle", handle)
                .query(CreatorRepository::view)
                .optional();
    }

    /** The profiles among {@code ids}, in no particular order: one query on the primary key. */
    public List<CreatorView> findAll(List<UUID> ids) {
        return jdbc.sql(SELECT_VIEW + " where c.id = any(cast(:ids as uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(CreatorRepository::view)
                .list();
    }

    /**
     * Applies a partial update; a null argument keeps the column, {@code clearX} empties it.
     *
     * @return whether the creator exists
     */
    public boolean update(
            UUID id, String handle, String displayName, FieldChange bio, FieldChange profileImageUrl, Instant now) {
        return jdbc.sql("""
                        update creator set
                            handle = coalesce(cast(:handle as text), handle),
                            display_name = coalesce(cast(:displayName as text), display_name),
                            bio = case when :keepBio then bio else cast(:bio as text) end,
                            profile_image_url = case when :keepImage then profile_image_url
                                                     else cast(:image as text) end,
                            updated_at = :now
                        where id = :id
                        """)
                        .param("id", id)
                        .param("handle", handle)
                        .param("displayName", displayName)
                        .param("keepBio", bio.keep())
                        .param("bio", bio.value())
                        .param("keepImage", profileImageUrl.keep())
                        .param("image", profileImageUrl.value())
                        .param("now", SqlTimes.utc(now))
                        .update()
                == 1;
    }

    private static CreatorView view(ResultSet rs, int row) throws SQLException {
        return new CreatorView(
                rs.getString("id"),
                rs.getString("handle"),
                rs.getString("display_name"),
                rs.getString("bio"),
                rs.getString("profile_image_url"),
                rs.getLong("follower_count"),
                SqlTimes.instant(rs, "created_at"));
    }

    /** An optional text field of a partial update: keep it, or set it (null clears). */
    public record FieldChange(boolean keep, String value) {

        /** Absent keeps, empty clears, anything else sets. */
        public static FieldChange of(String requested) {
            if (requested == null) {
                return new FieldChange(true, null);
            }
            return new FieldChange(false, requested.isEmpty() ? null : requested);
        }
    }
}
