package io.livedrop.common.sample;

/** The sample service's event: the n-th change of aggregate {@code key}. */
public record SampleHappened(String key, int sequence) {

    public static final String TOPIC = "sample.happened";
}
