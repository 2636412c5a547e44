package io.livedrop.inventory.reservation.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** A hold is {@code held} until it is confirmed (paid) or released; a confirmed one may be returned. */
public enum ReservationStatus {
    HELD("held"),
    CONFIRMED("confirmed"),
    RELEASED("released"),
    RETURNED("returned");

    private final String value;

    ReservationStatus(String value) {
        this.value = value;
    }

    /** The value in the database and in JSON. */
    @JsonValue
    public String value() {
        return value;
    }

    public static ReservationStatus of(String value) {
        for (ReservationStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown reservation status " + value);
    }
}
