package io.livedrop.follower;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.security.Scopes;
import io.livedrop.common.test.TestJwtIssuer;
import io.livedrop.follower.creator.persistence.CreatorRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test data and observations shared by the follower-service integration tests (built from their beans). */
public class FollowerFixtures {

    private final CreatorRepository creators;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public FollowerFixtures(CreatorRepository creators, JdbcClient jdbc, JsonMapper json) {
        this.creators = creators;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A creator known to the registry, as if its creator.created event had arrived. */
    public UUID newCreator() {
        UUID creatorId = Ids.newId();
        creators.register(creatorId, "creator-" + creatorId, "Creator " + creatorId);
        return creatorId;
    }

    public static UUID newUser() {
        return Ids.newId();
    }

    public static String bearer(UUID userId) {
        return "Bearer " + TestJwtIssuer.shared().userToken(userId.toString());
    }

    /** A service token with scope internal:follows (no client is granted it by default). */
    public static String serviceBearer() {
        return "Bearer " + TestJwtIssuer.shared().serviceToken("catalog-service", Scopes.INTERNAL_FOLLOWS);
    }

    /** A service token for another API: order-service's (internal:inventory internal:payments). */
    public static String otherServiceBearer() {
        return "Bearer " + TestJwtIssuer.shared().serviceToken("order-service");
    }

    /** The events this service wrote to its outbox for a creator, in outbox order. */
    public List<OutboxedEvent> eventsOf(UUID creatorId) {
        return jdbc.sql("select topic, event_key, payload from outbox_event where event_key = :key order by id")
                .param("key", creatorId.toString())
                .query((rs, row) -> new OutboxedEvent(
                        rs.getString("topic"), rs.getString("event_key"), json.readTree(rs.getString("payload"))))
                .list();
    }

    public long edgesOf(UUID creatorId) {
        return jdbc.sql("select count(*) from follows where creator_id = :creatorId")
                .param("creatorId", creatorId)
                .query(Long.class)
                .single();
    }

    public long userCopiesOf(UUID creatorId) {
        return jdbc.sql("select count(*) from follows_by_user where creator_id = :creatorId")
                .param("creatorId", creatorId)
                .query(Long.class)
                .single();
    }

    public record OutboxedEvent(String topic, String key, JsonNode envelope) {

        public String userId() {
            return envelope.path("data").path("userId").asString();
        }
    }
}
