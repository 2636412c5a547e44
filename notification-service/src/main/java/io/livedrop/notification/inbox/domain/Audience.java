package io.livedrop.notification.inbox.domain;

/** Who a notification is for: one buyer, or every follower of one creator. */
public enum Audience {
    /** An order or payment event: stored in the buyer's inbox, recipient = the user id. */
    PERSONAL,
    /** A drop event: stored once in the creator's log, recipient = the creator id. */
    BROADCAST
}
