package io.livedrop.catalog.drop.domain;

import io.livedrop.common.error.ApiException;
import java.time.Instant;

/** Where a drop is in its window; computed from the clock, never stored. */
public enum DropStatus {
    UPCOMING("upcoming"),
    LIVE("live"),
    ENDED("ended");

    private final String json;

    DropStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** {@code upcoming} before startsAt, {@code live} in [startsAt, endsAt), {@code ended} from endsAt. */
    public static DropStatus at(Instant now, Instant startsAt, Instant endsAt) {
        if (now.isBefore(startsAt)) {
            return UPCOMING;
        }
        return now.isBefore(endsAt) ? LIVE : ENDED;
    }

    /** The moment the status computed at {@code now} stops being true (null once ended). */
    public static Instant nextChange(Instant now, Instant startsAt, Instant endsAt) {
        return switch (at(now, startsAt, endsAt)) {
            case UPCOMING -> startsAt;
            case LIVE -> endsAt;
            case ENDED -> null;
        };
    }

    public static DropStatus parse(String value) {
        for (DropStatus status : values()) {
            if (status.json.equals(value)) {
                return status;
            }
        }
        throw ApiException.validation("status", "must be one of upcoming, live, ended");
    }
}
