package io.livedrop.catalog.follow.messaging;

import io.livedrop.catalog.follow.application.FollowReplicaService;
import io.livedrop.catalog.follow.domain.FollowChange;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.FollowCreated;
import io.livedrop.common.events.FollowDeleted;
import io.livedrop.common.ids.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Keeps the follow replica and the follower counts from follower-service's events, a poll batch at a
 * time: a celebrity with thousands of follows per second costs one counter update per batch, not
 * one per follow.
 *
 * <p>Idempotent by construction instead of by dedupe records: an edge only changes when the incoming
 * event is newer than the change it holds, and counts move only when an edge's state flips, so a
 * redelivered (or reordered) event changes nothing.
 */
@Component
public class FollowEventsListener {

    static final String LISTENER_ID = "catalog-follows";

    private final EventCodec codec;
    private final FollowReplicaService follows;

    FollowEventsListener(EventCodec codec, FollowReplicaService follows) {
        this.codec = codec;
        this.follows = follows;
    }

    /*
     * The broker holds a fetch until it has fetch.min.bytes or fetch.max.wait.ms passed: under load
     * batches grow, when idle a follow is counted within the wait (followerCount may lag 2 s).
     */
    @KafkaListener(
            id = LISTENER_ID,
            topics = {FollowCreated.TOPIC, FollowDeleted.TOPIC},
            batch = "true",
            properties = {
                "fetch.min.bytes=${livedrop.catalog.follows.fetch-min-bytes:16384}",
                "fetch.max.wait.ms=${livedrop.catalog.follows.fetch-max-wait-ms:250}"
            })
    public void on(List<ConsumerRecord<String, String>> records) {
        List<FollowChange> changes = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                changes.add(parse(records.get(index)));
            } catch (RuntimeException unreadable) {
                // apply what came before it, then let the error handler retry and dead-letter this record
                apply(changes);
                throw new BatchListenerFailedException("Unreadable follow event", unreadable, index);
            }
        }
        apply(changes);
    }

    void apply(List<FollowChange> changes) {
        follows.apply(changes);
    }

    private FollowChange parse(ConsumerRecord<String, String> record) {
        if (FollowCreated.TOPIC.equals(record.topic())) {
            EventEnvelope<FollowCreated> event = codec.read(record.value(), FollowCreated.class);
            FollowCreated data = event.data();
            return change(event, data.userId(), data.creatorId(), true, data.at());
        }
        EventEnvelope<FollowDeleted> event = codec.read(record.value(), FollowDeleted.class);
        FollowDeleted data = event.data();
        return change(event, data.userId(), data.creatorId(), false, data.at());
    }

    private static FollowChange change(
            EventEnvelope<?> event, String userId, String creatorId, boolean following, Instant at) {
        UUID user = Ids.parse(userId).orElseThrow(() -> new IllegalArgumentException("bad userId"));
        UUID creator = Ids.parse(creatorId).orElseThrow(() -> new IllegalArgumentException("bad creatorId"));
        Instant when = at != null ? at : event.time();
        if (when == null) {
            throw new IllegalArgumentException("follow event without a time");
        }
        return new FollowChange(event.id(), user, creator, following, when);
    }
}
