package io.livedrop.common.events;

/** A drop reached its end time. Key: dropId. */
public record DropEnded(String dropId) {

    public static final String TOPIC = Topics.DROP_ENDED;
}
