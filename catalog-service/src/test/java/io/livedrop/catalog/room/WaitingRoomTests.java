package io.livedrop.catalog.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.room.application.AdmissionService;
import io.livedrop.catalog.room.application.QueueUpdateService;
import io.livedrop.catalog.room.application.RoomMetrics;
import io.livedrop.catalog.room.application.WaitingRoomProperties;
import io.livedrop.catalog.room.persistence.RoomDropRepository;
import io.livedrop.catalog.room.persistence.RoomKeys;
import io.livedrop.catalog.room.persistence.RoomRepository;
import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.MovableClock;
import io.livedrop.catalog.support.Outboxes;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.events.DropScheduled;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.events.OrderCreated;
import io.livedrop.common.events.QueueUpdated;
import io.livedrop.common.events.SoldOut;
import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.IntegrationTest;
import io.livedrop.common.test.TestEvents;
import io.livedrop.common.test.TestInfrastructure;
import io.livedrop.common.test.TestPostgres;
import io.livedrop.common.test.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The waiting room through the HTTP API, on real Redis and Kafka. Time is a clock the tests move (a
 * drop starts, a token expires, at once); the admission scheduler is off and its passes run by the
 * test, so the order of events is exact. Own database and consumer group: the shared context's loop
 * never sees these rooms.
 */
@IntegrationTest(
        properties = {
            "spring.kafka.consumer.group-id=catalog-waiting-room-tests",
            "livedrop.catalog.waiting-room.active-shoppers=" + WaitingRoomTests.ACTIVE_SHOPPERS,
            "livedrop.catalog.waiting-room.admission-interval=50ms",
            "livedrop.catalog.waiting-room.update-interval=100ms",
            // no AdmissionScheduler in this context: the tests run every pass themselves
            "livedrop.catalog.waiting-room.admission-enabled=false"
        })
@Import(WaitingRoomTests.Time.class)
class WaitingRoomTests extends CatalogIntegrationTest {

    static final int ACTIVE_SHOPPERS = 5;
    static final Duration OPENS_BEFORE = Duration.ofMinutes(15);
    static final Duration TOKEN_TTL = Duration.ofMinutes(2);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add(TestInfrastructure.OWN_DATABASE, () -> TestPostgres.isolatedJdbcUrl("waitingroom"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @Autowired
    AdmissionService admission;

    @Autowired
    AdmissionTokens admissionTokens;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    RoomDropRepository roomDrops;

    @Autowired
    RoomRepository store;

    @Autowired
    QueueUpdateService announcer;

    @Autowired
    RoomMetrics metrics;

    @Autowired
    WaitingRoomProperties properties;

    TestEvents events;
    User creator;

    @BeforeEach
    void setUp() {
        events = new TestEvents(kafka, codec);
        creator = api.newCreator();
    }

    @Test
    void aDropShowsItsWaitingRoomAndAnnouncesIt() {
        Instant startsAt = now().plus(Duration.ofHours(1));
        JsonNode withRoom = newDrop(startsAt, true);
        JsonNode withoutRoom = newDrop(startsAt, false);

        assertThat(withRoom.path("waitingRoom").path("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(withRoom.path("waitingRoom").path("opensAt").asString()))
                .isEqualTo(Instant.parse(withRoom.path("startsAt").asString()).minus(OPENS_BEFORE));
        assertThat(withoutRoom.path("waitingRoom").path("enabled").asBoolean()).isFalse();
        assertThat(withoutRoom.path("waitingRoom").path("opensAt").isNull()).isTrue();
        JsonNode read = api.get("/api/drops/" + id(withRoom), null).body();
        assertThat(read.path("waitingRoom")).isEqualTo(withRoom.path("waitingRoom"));
        assertThat(lastScheduled(id(withRoom)).path("waitingRoom").asBoolean()).isTrue();
        assertThat(lastScheduled(id(withoutRoom)).path("waitingRoom").asBoolean())
                .isFalse();

        Response turnedOn = api.patch("/api/drops/" + id(withoutRoom), Map.of("waitingRoom", true), creator.token());

        assertThat(turnedOn.status()).as(turnedOn.toString()).isEqualTo(200);
        assertThat(turnedOn.body().path("waitingRoom").path("enabled").asBoolean())
                .isTrue();
        assertThat(lastScheduled(id(withoutRoom)).path("waitingRoom").asBoolean())
                .isTrue();
        Response untouched = api.patch("/api/drops/" + id(withoutRoom), Map.of("initialStock", 20), creator.token());
        assertThat(untouched.body().path("waitingRoom").path("enabled").asBoolean())
                .as("an edit without the field keeps the room")
                .isTrue();
    }

    @Test
    void oneTicketPerUserFromOpensAtUntilTheDropEnds() {
        Instant startsAt = now().plus(Duration.ofMinutes(20));
        String dropId = id(newDrop(startsAt, startsAt.plus(Duration.ofMinutes(20)), true));
        User buyer = api.newUser();

        Response early = join(dropId, buyer);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("QUEUE_NOT_OPEN");

        clock.advance(Duration.ofMinutes(6)); // past opensAt
        Response first = join(dropId, buyer);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Cache-Control")).contains("no-store").contains("private");
        JsonNode ticket = first.body();
        assertThat(ticket.path("ticketId").asString()).isNotBlank();
        assertThat(ticket.path("dropId").asString()).isEqualTo(dropId);
        assertThat(ticket.path("status").asString()).isEqualTo("waiting");
        assertThat(ticket.path("position").isNull())
                .as("not drawn before the start")
                .isTrue();
        assertThat(ticket.path("estimatedWaitSeconds").isNull()).isTrue();
        assertThat(ticket.path("admissionToken").isNull()).isTrue();
        assertThat(ticket.path("admissionExpiresAt").isNull()).isTrue();
        assertThat(ticket.path("joinedAt").asString()).isNotBlank();

        Response again = join(dropId, buyer);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(ticket);
        Response mine = api.get(queue(dropId) + "/me", buyer.token());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("Cache-Control")).contains("no-store");
        assertThat(mine.body()).isEqualTo(ticket);
        assertThat(redis.getExpire(keys(dropId).tickets()))
                .as("keys expire after the drop")
                .isPositive();

        Response stranger = api.get(queue(dropId) + "/me", api.newUser().token());
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("NOT_FOUND");

        clock.advance(Duration.ofMinutes(40)); // past endsAt
        Response late = join(dropId, api.newUser());
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("QUEUE_NOT_OPEN");
        admission.pass();
        assertThat(ticketOf(dropId, buyer).path("status").asString())
                .as("the drop ended before the ticket's turn")
                .isEqualTo("expired");
    }

    @Test
    void aDropWithoutRoomOrNoDropAtAllHasNoLine() {
        String dropId = id(newDrop(now().plusSeconds(60), false));
        User buyer = api.newUser();

        Response noRoom = join(dropId, buyer);
        assertThat(noRoom.status()).isEqualTo(409);
        assertThat(noRoom.code()).isEqualTo("NO_WAITING_ROOM");
        assertThat(join(UUID.randomUUID().toString(), buyer).code()).isEqualTo("DROP_NOT_FOUND");
        assertThat(join("not-a-drop", buyer).status()).isEqualTo(404);
        assertThat(api.post(queue(dropId), null, null).status()).isEqualTo(401);
        assertThat(api.get(queue(dropId) + "/me", null).status()).isEqualTo(401);
    }

    @Test
    void preStartJoinersAreDrawnInRandomOrderAndAdmittedInLineOrder() {
        Instant startsAt = now().plus(Duration.ofMinutes(20));
        String dropId = id(newDrop(startsAt, true));
        clock.advance(Duration.ofMinutes(6));
        List<User> joiners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            User buyer = api.newUser();
            assertThat(join(dropId, buyer).status()).isEqualTo(201);
            joiners.add(buyer);
        }
        clock.advance(Duration.ofMinutes(15)); // the drop starts
        List<String> joinOrder = joiners.stream().map(User::id).toList();
        List<String> line = waitingLine(dropId);

        // the draw: a permutation of the joiners, unrelated to who joined first
        assertThat(line).containsExactlyInAnyOrderElementsOf(joinOrder);
        assertThat(line).isNotEqualTo(joinOrder);
        assertThat(Set.copyOf(line.subList(0, 25)))
                .as("the first half of the line is not the first half of the joiners (p = 1 / C(50,25))")
                .isNotEqualTo(Set.copyOf(joinOrder.subList(0, 25)));

        admission.pass();

        Map<String, User> byId = new LinkedHashMap<>();
        joiners.forEach(user -> byId.put(user.id(), user));
        for (int index = 0; index < line.size(); index++) {
            User buyer = byId.get(line.get(index));
            JsonNode ticket = ticketOf(dropId, buyer);
            if (index < ACTIVE_SHOPPERS) {
                assertAdmitted(dropId, buyer, ticket);
            } else {
                assertThat(ticket.path("status").asString()).isEqualTo("waiting");
                assertThat(ticket.path("position").asLong())
                        .as("position of line index " + index)
                        .isEqualTo(index - ACTIVE_SHOPPERS + 1);
                assertThat(ticket.path("estimatedWaitSeconds").asLong()).isPositive();
            }
        }
        assertThat(holdingSlots(dropId)).isEqualTo(ACTIVE_SHOPPERS);

        // two admitted buyers order: their slots go to the next two in line, no more
        for (String buyer : line.subList(0, 2)) {
            events.publish(OrderCreated.TOPIC, UUID.randomUUID().toString(), order(dropId, buyer));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> holdingSlots(dropId) == ACTIVE_SHOPPERS - 2);
        admission.pass();
        admission.pass();
        assertThat(holdingSlots(dropId)).isEqualTo(ACTIVE_SHOPPERS);
        assertAdmitted(dropId, byId.get(line.get(5)), ticketOf(dropId, byId.get(line.get(5))));
        assertAdmitted(dropId, byId.get(line.get(6)), ticketOf(dropId, byId.get(line.get(6))));
        assertThat(ticketOf(dropId, byId.get(line.get(7))).path("position").asLong())
                .isEqualTo(1);

        // tokens expire unused: those tickets are expired for good, the next five are admitted
        clock.advance(TOKEN_TTL.plusSeconds(1));
        assertThat(ticketOf(dropId, byId.get(line.get(2))).path("status").asString())
                .as("expired as soon as the token is, before the next pass")
                .isEqualTo("expired");
        admission.pass();
        for (int index = 2; index < 7; index++) {
            assertThat(ticketOf(dropId, byId.get(line.get(index)))
                            .path("status")
                            .asString())
                    .isEqualTo("expired");
        }
        for (int index = 7; index < 12; index++) {
            User buyer = byId.get(line.get(index));
            assertAdmitted(dropId, buyer, ticketOf(dropId, buyer));
        }
        assertThat(ticketOf(dropId, byId.get(line.get(0))).path("status").asString())
                .as("a buyer who ordered stays admitted")
                .isEqualTo("admitted");
        Response rejoin = join(dropId, byId.get(line.get(2)));
        assertThat(rejoin.status()).as("no second ticket").isEqualTo(200);
        assertThat(rejoin.body().path("status").asString()).isEqualTo("expired");

        List<JsonNode> admittedUpdates = updatesFor(dropId, "admitted", 12);
        assertThat(admittedUpdates)
                .extracting(update -> update.path("userId").asString())
                .containsAll(line.subList(0, 12));
    }

    @Test
    void laterJoinersGoToTheBackInArrivalOrder() {
        Instant startsAt = now().plus(Duration.ofMinutes(20));
        String dropId = id(newDrop(startsAt, true));
        clock.advance(Duration.ofMinutes(6));
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            User buyer = api.newUser();
            join(dropId, buyer);
            early.add(buyer.id());
        }
        clock.advance(Duration.ofMinutes(15));
        List<User> late = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            User buyer = api.newUser();
            assertThat(join(dropId, buyer).status()).isEqualTo(201);
            late.add(buyer);
        }

        List<String> line = waitingLine(dropId);
        assertThat(line.subList(0, 3)).containsExactlyInAnyOrderElementsOf(early);
        assertThat(line.subList(3, 7))
                .containsExactlyElementsOf(late.stream().map(User::id).toList());

        admission.pass(); // admits the 3 early joiners and the first 2 late ones
        assertThat(ticketOf(dropId, late.get(1)).path("status").asString()).isEqualTo("admitted");
        assertThat(ticketOf(dropId, late.get(2)).path("position").asLong()).isEqualTo(1);
        assertThat(ticketOf(dropId, late.get(3)).path("position").asLong()).isEqualTo(2);
        Response last = join(dropId, api.newUser());
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.body().path("position").asLong())
                .as("a join after the draw answers its place at once")
                .isEqualTo(3);
        assertThat(last.body().path("estimatedWaitSeconds").isNumber()).isTrue();
    }

    @Test
    void aSoldOutDropTurnsEveryWaitingTicketSoldOut() {
        Instant startsAt = now().plus(Duration.ofMinutes(20));
        String dropId = id(newDrop(startsAt, true));
        clock.advance(Duration.ofMinutes(6));
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            User buyer = api.newUser();
            join(dropId, buyer);
            buyers.add(buyer);
        }
        clock.advance(Duration.ofMinutes(15));
        admission.pass();

        events.publish(SoldOut.TOPIC, dropId, new SoldOut(dropId));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        roomDrops.find(UUID.fromString(dropId)).orElseThrow().soldOut());
        admission.pass();

        Map<String, Long> statuses = new LinkedHashMap<>();
        for (User buyer : buyers) {
            statuses.merge(ticketOf(dropId, buyer).path("status").asString(), 1L, Long::sum);
        }
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("admitted", 5L, "sold_out", 3L));
        Response afterwards = join(dropId, api.newUser());
        assertThat(afterwards.status()).isEqualTo(201);
        assertThat(afterwards.body().path("status").asString()).isEqualTo("sold_out");
        clock.advance(Duration.ofSeconds(2));
        admission.pass();
        assertThat(holdingSlots(dropId)).as("admission stopped").isEqualTo(ACTIVE_SHOPPERS);

        assertThat(updatesFor(dropId, "sold_out", 3))
                .extracting(update -> update.path("userId").asString())
                .hasSize(3)
                .doesNotHaveDuplicates();
    }

    /** Instances admitting at once (each its own loop object, same Redis and database) share the slots. */
    @Test
    void racingInstancesNeverAdmitMoreThanTheActiveShoppers() throws Exception {
        Instant startsAt = now().plus(Duration.ofMinutes(20));
        String dropId = id(newDrop(startsAt, true));
        clock.advance(Duration.ofMinutes(6));
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            User buyer = api.newUser();
            join(dropId, buyer);
            buyers.add(buyer);
        }
        clock.advance(Duration.ofMinutes(15));
        List<String> line = waitingLine(dropId);
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicLong mostHolding = new AtomicLong();
        try (ExecutorService instances = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int instance = 0; instance < 3; instance++) {
                var other = new AdmissionService(roomDrops, store, announcer, metrics, properties, clock);
                instances.submit(() -> {
                    while (racing.get()) {
                        other.pass();
                        mostHolding.accumulateAndGet(holdingSlots(dropId), Math::max);
                    }
                    return null;
                });
            }
            // buyers order as they are admitted; every order frees a slot for the next in line
            Set<String> ordered = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (String admitted : redis.opsForZSet().range(keys(dropId).admitted(), 0, -1)) {
                    if (ordered.add(admitted)) {
                        store.release(UUID.fromString(dropId), admitted);
                    }
                }
                return ordered.size() == line.size();
            });
            racing.set(false);
        }

        assertThat(mostHolding.get()).isLessThanOrEqualTo(ACTIVE_SHOPPERS);
        assertThat(redis.<String, String>opsForHash().entries(keys(dropId).outcomes()))
                .as("every buyer admitted exactly once")
                .hasSize(line.size());
        assertThat(Long.parseLong((String) redis.opsForHash().get(keys(dropId).state(), "admittedTotal")))
                .isEqualTo(line.size());
    }

    private void assertAdmitted(String dropId, User buyer, JsonNode ticket) {
        assertThat(ticket.path("status").asString()).as(ticket.toString()).isEqualTo("admitted");
        assertThat(ticket.path("position").isNull()).isTrue();
        String token = ticket.path("admissionToken").asString();
        assertThat(admissionTokens.admits(token, dropId, buyer.id())).isTrue();
        assertThat(admissionTokens.admits(token, dropId, api.newUser().id()))
                .as("the token is the buyer's")
                .isFalse();
        Instant expiresAt = Instant.parse(ticket.path("admissionExpiresAt").asString());
        assertThat(Duration.between(now(), expiresAt)).isBetween(TOKEN_TTL.minusSeconds(5), TOKEN_TTL);
    }

    /** The queue.updated ticket updates of a drop with this status, once at least {@code count} arrived. */
    private List<JsonNode> updatesFor(String dropId, String status, int count) {
        flushUpdates();
        List<JsonNode> found = new ArrayList<>();
        TopicReader.awaitRecords(
                List.of(QueueUpdated.TOPIC),
                record -> {
                    if (!dropId.equals(record.key())) {
                        return false;
                    }
                    CatalogApi.json()
                            .readTree(record.value())
                            .path("data")
                            .path("tickets")
                            .forEach(update -> {
                                if (status.equals(
                                        update.path("ticket").path("status").asString())) {
                                    found.add(update);
                                }
                            });
                    return found.size() >= count;
                },
                1);
        return found;
    }

    /** The last passes ran within one update interval: one more round, once its gate has passed. */
    private void flushUpdates() {
        try {
            Thread.sleep(properties.updateInterval().toMillis() + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admission.pass();
    }

    private OrderCreated order(String dropId, String userId) {
        return new OrderCreated(
                Ids.newId().toString(), userId, dropId, 1, 100, "EUR", "reserved", now().plusSeconds(600));
    }

    private List<String> waitingLine(String dropId) {
        return new ArrayList<>(redis.opsForZSet().range(keys(dropId).line(), 0, -1));
    }

    private long holdingSlots(String dropId) {
        return redis.opsForZSet().zCard(keys(dropId).admitted());
    }

    private RoomKeys keys(String dropId) {
        return RoomKeys.of(keyPrefix, UUID.fromString(dropId));
    }

    private JsonNode ticketOf(String dropId, User buyer) {
        Response mine = api.get(queue(dropId) + "/me", buyer.token());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.body();
    }

    private Response join(String dropId, User buyer) {
        return api.post(queue(dropId), null, buyer.token());
    }

    private static String queue(String dropId) {
        return "/api/drops/" + dropId + "/queue";
    }

    private JsonNode lastScheduled(String dropId) {
        return new Outboxes(jdbc).events(DropScheduled.TOPIC, dropId).getLast().path("data");
    }

    private JsonNode newDrop(Instant startsAt, boolean waitingRoom) {
        return newDrop(startsAt, startsAt.plus(Duration.ofHours(1)), waitingRoom);
    }

    private JsonNode newDrop(Instant startsAt, Instant endsAt, boolean waitingRoom) {
        String productId = api.createProduct(creator, "Roomed " + UUID.randomUUID())
                .path("id")
                .asString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("initialStock", 100);
        body.put("waitingRoom", waitingRoom);
        Response created = api.post("/api/drops", body, creator.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private static String id(JsonNode drop) {
        return drop.path("id").asString();
    }

    private Instant now() {
        return ((Clock) clock).instant();
    }
}
