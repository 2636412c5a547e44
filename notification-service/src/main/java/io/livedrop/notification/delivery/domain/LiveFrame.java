package io.livedrop.notification.delivery.domain;

import java.time.Instant;

/**
 * A frame that is pushed to the open connections of a user and nowhere else: not stored, not in the
 * inbox, never replayed, never unread (today: the waiting room's {@code queue.position} and {@code
 * queue.admitted}). A reconnecting client asks the owning service for the current state instead.
 *
 * <p>Its id depends on the connection it goes out on (see {@link LiveFrameIds}), so everything but
 * the id is serialized once and the id is put in front per connection.
 *
 * @param type the frame's {@code type}
 * @param eventTime when the event happened: the frame's {@code createdAt}
 * @param fieldsAfterId the JSON members after {@code "id"}: {@code "type":…,"createdAt":…,"data":…}
 *     followed by the closing brace
 */
public record LiveFrame(String type, Instant eventTime, String fieldsAfterId) {

    /** The frame {@code {id, type, createdAt, data}} with this id (one of {@link LiveFrameIds}: no escaping needed). */
    public String json(String id) {
        return "{\"id\":\"" + id + "\"," + fieldsAfterId;
    }
}
