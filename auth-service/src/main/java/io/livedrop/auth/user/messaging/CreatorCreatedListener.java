package io.livedrop.auth.user.messaging;

import io.livedrop.auth.user.application.UserService;
import io.livedrop.common.events.CreatorCreated;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.messaging.IdempotentEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the {@code creator} flag of {@code GET /api/users/me} from catalog's {@code creator.created}. */
@Component
class CreatorCreatedListener {

    static final String ID = "auth-creator-created";
    private static final Logger log = LoggerFactory.getLogger(CreatorCreatedListener.class);

    private final IdempotentEventHandler handler;
    private final UserService users;

    CreatorCreatedListener(IdempotentEventHandler handler, UserService users) {
        this.handler = handler;
        this.users = users;
    }

    @KafkaListener(id = ID, topics = CreatorCreated.TOPIC)
    void on(String json) {
        handler.handle(ID, json, CreatorCreated.class, event -> {
            // a creator id that is no UUID is a poison record: throwing sends it to the dead-letter topic
            var userId = Ids.parse(event.data().creatorId())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "creatorId is not an id: " + event.data().creatorId()));
            if (!users.markCreator(userId)) {
                log.warn("creator.created {} for unknown user {}: ignored", event.id(), userId);
            }
        });
    }
}
