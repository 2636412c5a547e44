package io.livedrop.notification.follow.domain;

import java.time.Instant;

/**
 * A follow or unfollow, for the subscriptions of connections that are open on this instance.
 *
 * @param at when it happened (last writer wins)
 * @param visibleFromId the first notification id of the creator the follower sees
 */
public record FollowChange(String userId, String creatorId, boolean following, Instant at, long visibleFromId) {}
