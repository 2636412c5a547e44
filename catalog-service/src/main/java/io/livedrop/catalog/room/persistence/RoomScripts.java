package io.livedrop.catalog.room.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The room's Lua scripts, read from the classpath once at start-up. Each is held as a static text
 * (not a resource): Spring Data Redis then computes its SHA-1 once and runs it with EVALSHA, instead
 * of checking the file on every call.
 */
final class RoomScripts {

    final RedisScript<List> join = load("join.lua", List.class);
    final RedisScript<List> read = load("read.lua", List.class);
    final RedisScript<List> admit = load("admit.lua", List.class);
    final RedisScript<Long> close = load("close.lua", Long.class);

    private static <T> RedisScript<T> load(String name, Class<T> resultType) {
        return RedisScript.of(text("ticket-state.lua") + "\n" + text(name), resultType);
    }

    private static String text(String name) {
        try (var in = new ClassPathResource("room/" + name).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the waiting room script " + name, e);
        }
    }
}
