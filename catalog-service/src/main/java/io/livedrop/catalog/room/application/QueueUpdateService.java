package io.livedrop.catalog.room.application;

import io.livedrop.catalog.room.domain.TicketStatus;
import io.livedrop.catalog.room.persistence.RoomRepository;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.EventEnvelope;
import io.livedrop.common.events.QueueUpdated;
import io.livedrop.common.events.QueueUpdated.Ticket;
import io.livedrop.common.events.QueueUpdated.TicketUpdate;
import io.livedrop.common.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Tells ticket holders what changed, on {@code queue.updated}: at most one round per drop per
 * update interval (whichever instance wins the round), with the newly admitted and expired tickets
 * and, when the line moved, the new positions of the front of the line; once, when the room closes,
 * the final status of every ticket left waiting.
 *
 * <p>Sent straight to Kafka, not through the outbox: nothing here is a database change (Redis is the
 * queue's store), and a lost hint is repaired by the next round or by {@code GET /queue/me}. Large
 * rounds are split into events of {@link #TICKETS_PER_EVENT} tickets to stay far below Kafka's
 * record size limit.
 */
public class QueueUpdateService {

    static final int TICKETS_PER_EVENT = 500;
    private static final int MAX_NEWS_PER_ROUND = 10_000;
    private static final Logger log = LoggerFactory.getLogger(QueueUpdateService.class);

    private final RoomRepository store;
    private final TicketService tickets;
    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final String source;
    private final WaitingRoomProperties properties;
    private final Clock clock;

    public QueueUpdateService(
            RoomRepository store,
            TicketService tickets,
            KafkaTemplate<String, String> kafka,
            EventCodec codec,
            String source,
            WaitingRoomProperties properties,
            Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.kafka = kafka;
        this.codec = codec;
        this.source = source;
        this.properties = properties;
        this.clock = clock;
    }

    /** After an admission pass; the pass that drew the line always announces the first positions. */
    void afterPass(UUID dropId, RoomRepository.Pass pass) {
        boolean round = store.startUpdateRound(dropId);
        if (!round && !pass.lineDrawnNow()) {
            return;
        }
        String drop = dropId.toString();
        Map<String, Ticket> updates = new LinkedHashMap<>();
        Map<String, String> stored = new LinkedHashMap<>();
        List<String> news = store.takeNews(dropId, MAX_NEWS_PER_ROUND);
        List<String> users =
                new ArrayList<>(news.stream().map(item -> item.split("\\|")[1]).toList());
        long[] admittedAndAnnounced = store.admittedAndAnnounced(dropId);
        List<String> front = pass.lineDrawnNow() || admittedAndAnnounced[0] != admittedAndAnnounced[1]
                ? store.line(dropId, 0, properties.positionUpdates())
                : List.of();
        users.addAll(front);
        List<String> found = store.tickets(dropId, users);
        for (int i = 0; i < users.size(); i++) {
            if (found.get(i) != null) {
                stored.put(users.get(i), found.get(i));
            }
        }
        for (String item : news) {
            String[] parts = item.split("\\|");
            String user = parts[1];
            String ticket = stored.get(user);
            if (ticket == null) {
                continue;
            }
            updates.put(
                    user,
                    "a".equals(parts[0])
                            ? tickets.admitted(
                                    drop,
                                    user,
                                    id(ticket),
                                    joinedAt(ticket),
                                    Instant.ofEpochMilli(Long.parseLong(parts[2])))
                            : tickets.ended(drop, id(ticket), joinedAt(ticket), TicketStatus.EXPIRED));
        }
        for (int i = 0; i < front.size(); i++) {
            String user = front.get(i);
            String ticket = stored.get(user);
            if (ticket != null && !updates.containsKey(user)) {
                long position = i + 1L;
                updates.put(
                        user,
                        tickets.waiting(
                                drop,
                                id(ticket),
                                joinedAt(ticket),
                                position,
                                tickets.estimatedWaitSeconds(position, pass.holdingSlots(), pass.recentAdmissions())));
            }
        }
        if (!front.isEmpty()) {
            store.markAnnounced(dropId, admittedAndAnnounced[0]);
        }
        publish(drop, updates);
    }

    /** The room closed: every ticket still in line hears its final status, once. */
    void closed(UUID dropId, String status) {
        String drop = dropId.toString();
        for (long from = 0; ; from += TICKETS_PER_EVENT) {
            List<String> users = store.line(dropId, from, TICKETS_PER_EVENT);
            if (users.isEmpty()) {
                return;
            }
            List<String> found = store.tickets(dropId, users);
            Map<String, Ticket> updates = new LinkedHashMap<>();
            for (int i = 0; i < users.size(); i++) {
                if (found.get(i) != null) {
                    updates.put(users.get(i), tickets.ended(drop, id(found.get(i)), joinedAt(found.get(i)), status));
                }
            }
            publish(drop, updates);
        }
    }

    private void publish(String dropId, Map<String, Ticket> updates) {
        List<TicketUpdate> all = updates.entrySet().stream()
                .map(entry -> new TicketUpdate(entry.getKey(), entry.getValue()))
                .toList();
        for (int from = 0; from < all.size(); from += TICKETS_PER_EVENT) {
            List<TicketUpdate> part = all.subList(from, Math.min(all.size(), from + TICKETS_PER_EVENT));
            send(dropId, new QueueUpdated(dropId, List.copyOf(part)));
        }
    }

    private void send(String dropId, QueueUpdated event) {
        var envelope = EventEnvelope.of(Ids.newId(), source, QueueUpdated.TOPIC, clock.instant(), dropId, event);
        var record = new ProducerRecord<>(QueueUpdated.TOPIC, dropId, codec.write(envelope));
        record.headers().add("content-type", EventEnvelope.KAFKA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("queue.updated for drop {} not sent: {}", dropId, failure.getMessage());
            }
        });
    }

    private static String id(String storedTicket) {
        return storedTicket.substring(0, storedTicket.indexOf('|'));
    }

    private static Instant joinedAt(String storedTicket) {
        return Instant.ofEpochMilli(Long.parseLong(storedTicket.substring(storedTicket.indexOf('|') + 1)));
    }
}
