package io.livedrop.common.events;

import java.time.Instant;

/** A user started following a creator. Key: creatorId. */
public record FollowCreated(String creatorId, String userId, Instant at) {

    public static final String TOPIC = Topics.FOLLOW_CREATED;
}
