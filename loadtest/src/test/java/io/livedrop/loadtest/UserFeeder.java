package io.livedrop.loadtest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A Gatling feeder over a list of users (filled in {@code before()}), one per virtual user in list
 * order; {@code entries} gives the session values of the user at an index.
 */
final class UserFeeder implements Iterator<Map<String, Object>> {

    private final List<Api.User> users;
    private final BiFunction<Integer, Api.User, Map<String, Object>> entries;
    private final AtomicInteger next = new AtomicInteger();

    UserFeeder(List<Api.User> users, BiFunction<Integer, Api.User, Map<String, Object>> entries) {
        this.users = users;
        this.entries = entries;
    }

    @Override
    public boolean hasNext() {
        return next.get() < users.size();
    }

    @Override
    public Map<String, Object> next() {
        int index = next.getAndIncrement();
        return entries.apply(index, users.get(index));
    }
}
