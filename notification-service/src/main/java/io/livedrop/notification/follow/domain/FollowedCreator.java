package io.livedrop.notification.follow.domain;

import java.time.Instant;

/** A creator a user follows and the first notification id they see from them. */
public record FollowedCreator(String creatorId, long visibleFromId, Instant changedAt) {}
