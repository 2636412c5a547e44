package io.livedrop.follower.creator.messaging;

import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.messaging.IdempotentEventHandler;
import io.livedrop.follower.creator.application.CreatorService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the creator registry from catalog-service's {@code creator.created} events. */
@Component
class CreatorCreatedListener {

    static final String ID = "follower-creator-created";

    private final IdempotentEventHandler handler;
    private final CreatorService creators;

    CreatorCreatedListener(IdempotentEventHandler handler, CreatorService creators) {
        this.handler = handler;
        this.creators = creators;
    }

    @KafkaListener(id = ID, topics = CreatorCreated.TOPIC)
    void on(String json) {
        handler.handle(ID, json, CreatorCreated.class, event -> {
            CreatorCreated creator = event.data();
            // a creator id that is not one of ours is a poison record: it fails and is dead-lettered
            var creatorId = Ids.parse(creator.creatorId())
                    .orElseThrow(() -> new IllegalArgumentException("creator.created without a valid creatorId"));
            creators.register(creatorId, creator.handle(), creator.displayName());
        });
    }
}
