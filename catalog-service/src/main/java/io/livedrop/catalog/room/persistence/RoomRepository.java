package io.livedrop.catalog.room.persistence;

import io.livedrop.catalog.room.domain.StoredTicket;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.ids.Ids;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The rooms in Redis, the queue's only store: every change that must not race (join, admission
 * pass, close) is one Lua script, so any number of catalog instances can serve and admit at once.
 */
public class RoomRepository {

    /** Pre-start ranks are uniform below this (see join.lua); ties are practically impossible. */
    private static final long RANDOM_RANK_BOUND = 1L << 40;

    private final StringRedisTemplate redis;
    private final RoomScripts scripts = new RoomScripts();
    private final String keyPrefix;
    private final Duration rateWindow;
    private final int activeShoppers;
    private final Duration updateInterval;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param rateWindow admissions are counted over this window
     * @param activeShoppers admitted buyers holding a slot at once, at most, per drop
     * @param updateInterval at most one {@code queue.updated} round per drop this often
     */
    public RoomRepository(
            StringRedisTemplate redis,
            String keyPrefix,
            Duration rateWindow,
            int activeShoppers,
            Duration updateInterval) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.rateWindow = rateWindow;
        this.activeShoppers = activeShoppers;
        this.updateInterval = updateInterval;
    }

    public record Joined(boolean created, StoredTicket ticket) {}

    /** What one admission pass did and saw. */
    public record Pass(
            boolean lineDrawnNow,
            long admitted,
            long expired,
            long waiting,
            long holdingSlots,
            long recentAdmissions) {}

    public Joined join(UUID dropId, UUID userId, Instant now, boolean beforeStart, Instant keysExpireAt) {
        String ticket = StoredTicket.encode(Ids.newId().toString(), now);
        List<?> answer = forRequest(() -> redis.execute(
                scripts.join,
                keys(dropId).all(),
                userId.toString(),
                millis(now),
                millis(rateWindow),
                ticket,
                beforeStart ? "1" : "0",
                Long.toString(random.nextLong(RANDOM_RANK_BOUND)),
                millis(keysExpireAt)));
        return new Joined(number(answer.get(0)) == 1, StoredTicket.parse(answer, 1));
    }

    public Optional<StoredTicket> read(UUID dropId, UUID userId, Instant now) {
        List<?> answer = forRequest(() ->
                redis.execute(scripts.read, keys(dropId).all(), userId.toString(), millis(now), millis(rateWindow)));
        return answer == null || answer.isEmpty() ? Optional.empty() : Optional.of(StoredTicket.parse(answer, 0));
    }

    public Pass admit(UUID dropId, Instant now, Instant tokenExpiresAt, Instant keysExpireAt) {
        List<?> answer = redis.execute(
                scripts.admit,
                keys(dropId).all(),
                millis(now),
                millis(rateWindow),
                Integer.toString(activeShoppers),
                millis(tokenExpiresAt),
                millis(keysExpireAt),
                Long.toHexString(random.nextLong()));
        return new Pass(
                number(answer.get(0)) == 1,
                number(answer.get(1)),
                number(answer.get(2)),
                number(answer.get(3)),
                number(answer.get(4)),
                number(answer.get(5)));
    }

    /** True for the one caller that closed the room (it announces the tickets left waiting). */
    public boolean close(UUID dropId, String reason, Instant keysExpireAt) {
        Long closed = redis.execute(scripts.close, keys(dropId).all(), reason, millis(keysExpireAt));
        return closed != null && closed == 1;
    }

    /** The buyer placed an order: the slot goes to the next in line (a repeat changes nothing). */
    public void release(UUID dropId, String userId) {
        redis.opsForZSet().remove(keys(dropId).admitted(), userId);
    }

    /** True for the one instance that may send this interval's queue.updated round of the drop. */
    public boolean startUpdateRound(UUID dropId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys(dropId).updateGate(), "1", updateInterval));
    }

    /** Admissions ({@code a|user|expiresAtMillis}) and expiries ({@code x|user}) not announced yet. */
    public List<String> takeNews(UUID dropId, int max) {
        List<String> news = redis.opsForList().leftPop(keys(dropId).news(), max);
        return news == null ? List.of() : news;
    }

    /** Users waiting at positions {@code from + 1 …}, in line order. */
    public List<String> line(UUID dropId, long from, long count) {
        var users = redis.opsForZSet().range(keys(dropId).line(), from, from + count - 1);
        return users == null ? List.of() : new ArrayList<>(users);
    }

    /** The stored tickets ({@code id|joinedAtMillis}) of these users, null for unknown ones. */
    public List<String> tickets(UUID dropId, List<String> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        List<Object> found = redis.opsForHash().multiGet(keys(dropId).tickets(), new ArrayList<>(users));
        return found.stream()
                .map(value -> value == null ? null : value.toString())
                .toList();
    }

    /** Admitted since the room opened, and the count the last position round was sent at. */
    public long[] admittedAndAnnounced(UUID dropId) {
        List<Object> values =
                redis.opsForHash().multiGet(keys(dropId).state(), List.of("admittedTotal", "announcedTotal"));
        return new long[] {asLong(values.get(0)), asLong(values.get(1))};
    }

    public void markAnnounced(UUID dropId, long admittedTotal) {
        redis.opsForHash().put(keys(dropId).state(), "announcedTotal", Long.toString(admittedTotal));
    }

    private RoomKeys keys(UUID dropId) {
        return RoomKeys.of(keyPrefix, dropId);
    }

    /** A request cannot do without Redis: it answers 503 instead of 500. */
    private static <T> T forRequest(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException unavailable) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The waiting room is unavailable; try again");
        }
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static long asLong(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
