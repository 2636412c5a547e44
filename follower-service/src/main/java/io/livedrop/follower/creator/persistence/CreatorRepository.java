package io.livedrop.follower.creator.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The creators that can be followed, as announced by catalog-service ({@code creator.created}). A user
 * becomes followable only once that event has arrived here (normally well under a second after {@code
 * POST /api/creators}); until then a follow answers 404 {@code CREATOR_NOT_FOUND}.
 */
@Repository
public class CreatorRepository {

    private final JdbcClient jdbc;

    public CreatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a creator; a second announcement of the same creator changes nothing. */
    public boolean register(UUID creatorId, String handle, String displayName) {
        return jdbc.sql("""
                        insert into creator (creator_id, handle, display_name)
                        values (:creatorId, :handle, :displayName)
                        on conflict (creator_id) do nothing
                        """)
                        .param("creatorId", creatorId)
                        .param("handle", handle)
                        .param("displayName", displayName)
                        .update()
                == 1;
    }

    public boolean exists(UUID creatorId) {
        return jdbc.sql("select exists (select 1 from creator where creator_id = :creatorId)")
                .param("creatorId", creatorId)
                .query(Boolean.class)
                .single();
    }
}
