package io.livedrop.common.events;

/** A user became a creator. Key: creatorId. */
public record CreatorCreated(String creatorId, String handle, String displayName) {

    public static final String TOPIC = Topics.CREATOR_CREATED;
}
