package io.livedrop.common.events;

/** A drop has no stock left to reserve (once). Key: dropId. */
public record SoldOut(String dropId) {

    public static final String TOPIC = Topics.SOLD_OUT;
}
