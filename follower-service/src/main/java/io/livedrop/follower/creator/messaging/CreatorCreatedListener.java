package io.livedrop.follower.creator.messaging;

import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.messaging.IdempotentEventHandler;
import io.livedrop.follower.creator.persistence.CreatorRegistry;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the creator registry from catalog-service's {@code creator.created} events. */
@Component
class CreatorCreatedListener {

    static final String ID = "follower-creator-created";

    private final IdempotentEventHandler handler;
    private final CreatorRegistry registry;

    CreatorCreatedListener(IdempotentEventHandler handler, CreatorRegistry registry) {
        this.handler = handler;
        this.registry = registry;
    }

    @KafkaListener(id = ID, topics = CreatorCreated.TOPIC)
    void on(String json) {
        handler.handle(ID, json, CreatorCreated.class, event -> {
            CreatorCreated creator = event.data();
            // a creator id that is not one of ours is a poison record: it fails and is dead-lettered
            var creatorId = Ids.parse(creator.creatorId())
                    .orElseThrow(() -> new IllegalArgumentException("creator.created without a valid creatorId"));
            registry.register(creatorId, creator.handle(), creator.displayName());
        });
    }
}
