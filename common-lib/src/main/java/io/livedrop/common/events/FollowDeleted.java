package io.livedrop.common.events;

import java.time.Instant;

/** A user stopped following a creator. Key: creatorId. */
public record FollowDeleted(String creatorId, String userId, Instant at) {

    public static final String TOPIC = Topics.FOLLOW_DELETED;
}
