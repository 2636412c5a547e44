package io.livedrop.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

/** Data a run needs, created through the API before the measured phase starts. */
public final class Fixtures {

    private final Api api = new Api();

    public Api api() {
        return api;
    }

    /**
     * {@code count} signed-in users, {@code setupParallelism} registrations at a time. Users (and their
     * tokens) of earlier runs are reused while their tokens are young enough ({@code reuseUsersFor},
     * 30 minutes; each run uses a new drop, so a user can buy again): registering thousands
     * of users is setup, not what is measured.
     */
    public List<Api.User> registerUsers(String prefix, int count) {
        List<Api.User> users = new ArrayList<>(UserCache.load(prefix, api));
        if (users.size() > count) {
            users = new ArrayList<>(users.subList(0, count));
        }
        int missing = count - users.size();
        log("registering %,d users (%,d reused from earlier runs)", missing, users.size());
        long started = System.nanoTime();
        List<Api.User> registered = inParallel(missing, i -> api.register(prefix));
        log("registered %,d users in %.1f s", missing, (System.nanoTime() - started) / 1e9);
        UserCache.append(prefix, registered);
        users.addAll(registered);
        return users;
    }

    public <T> List<T> inParallel(int count, IntFunction<T> task) {
        int parallelism = Settings.integer("setupParallelism", 16);
        try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("setup failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A registered user with a creator profile. */
    public Api.User creator() {
        Api.User creator = api.register("creator");
        api.becomeCreator(creator);
        return creator;
    }

    /**
     * A drop of the creator starting {@code startDelay} from now. With {@code waitUntilSellable} it
     * returns only once catalog shows it live and inventory holds its stock (order-service learns the
     * drop from the same drop.scheduled event).
     */
    public String drop(Api.User creator, int stock, Duration startDelay, boolean waitUntilSellable) {
        String productId = api.createProduct(creator, 2_500);
        JsonNode drop = api.createDrop(creator, productId, Instant.now().plus(startDelay), Duration.ofHours(2), stock);
        String dropId = drop.path("id").asText();
        if (waitUntilSellable) {
            String serviceToken = api.serviceToken();
            await(
                    "drop " + dropId + " live in catalog",
                    Duration.ofSeconds(60),
                    () -> "live"
                            .equals(api.getDrop(dropId).body().path("status").asText()));
            awaitStocked(serviceToken, dropId);
            sleep(Duration.ofSeconds(1));
        }
        return dropId;
    }

    /**
     * A drop with a waiting room starting at {@code startsAt}; returns once inventory holds its stock.
     * Its queue opens well before the start, so buyers can join at once.
     */
    public String waitingRoomDrop(Api.User creator, int stock, Instant startsAt) {
        String productId = api.createProduct(creator, 2_500);
        JsonNode drop = api.createDrop(creator, productId, startsAt, Duration.ofHours(2), stock, true);
        String dropId = drop.path("id").asText();
        awaitStocked(api.serviceToken(), dropId);
        return dropId;
    }

    private void awaitStocked(String serviceToken, String dropId) {
        await(
                "drop " + dropId + " stocked in inventory",
                Duration.ofSeconds(60),
                () -> api.inventoryStock(serviceToken, dropId).status() == 200);
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static void log(String format, Object... args) {
        System.out.printf("[loadtest] " + format + "%n", args);
    }
}
