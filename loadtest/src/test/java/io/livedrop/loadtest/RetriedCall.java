package io.livedrop.loadtest;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A call of a client that honours back-pressure: the request (with an Idempotency-Key fixed for the
 * call) goes out; a 429 or 503 with {@code Retry-After} is sent again, same key, after Retry-After
 * seconds (at most {@code maxPause}), {@code maxTries} times in all. Allowed answers: 201, 409 with one
 * of the given problem codes, and 429/503 with Retry-After; anything else fails the request in
 * Gatling. Each attempt goes to {@link Outcomes} as call {@code key}; the last answer stays in the
 * session as {@code <key>Status} (absent without an answer) and {@code <key>Code}.
 */
final class RetriedCall {

    private final Outcomes outcomes;
    private final int maxTries;
    private final Duration maxPause;

    RetriedCall(Outcomes outcomes, int maxTries, Duration maxPause) {
        this.outcomes = outcomes;
        this.maxTries = Math.max(1, maxTries);
        this.maxPause = maxPause;
    }

    ChainBuilder send(String key, HttpRequestActionBuilder request, String... conflictCodes) {
        Keys k = new Keys(key);
        List<Integer> allowed = new ArrayList<>(List.of(201, 429, 503));
        if (conflictCodes.length > 0) {
            allowed.add(409);
        }
        HttpRequestActionBuilder checked = request.check(status().saveAs(k.status))
                .check(responseTimeInMillis().saveAs(k.millis))
                .check(header("Retry-After").optional().saveAs(k.retryAfter))
                .check(jsonPath("$.code").optional().saveAs(k.code))
                .check(status().in(allowed))
                .checkIf((response, session) -> backPressure(response.status().code()))
                .then(header("Retry-After").exists());
        if (conflictCodes.length > 0) {
            checked = checked.checkIf((response, session) -> response.status().code() == 409)
                    .then(jsonPath("$.code").in(conflictCodes));
        }
        return exec(session -> session.set(k.tries, 0))
                .asLongAs(session -> anotherTry(session, k))
                .on(
                        doIf(session -> session.getInt(k.tries) > 0)
                                .then(pause(session -> pauseOf(session.getString(k.retryAfter)))),
                        exec(session -> session.removeAll(k.status, k.code, k.retryAfter, k.millis)
                                .set(k.tries, session.getInt(k.tries) + 1)
                                .set(k.sent, System.nanoTime())),
                        exec(checked),
                        exec(session -> record(session, k, List.of(conflictCodes))));
    }

    private boolean anotherTry(Session session, Keys k) {
        int tries = session.getInt(k.tries);
        if (tries == 0) {
            return true;
        }
        Integer status = session.getIntegerWrapper(k.status);
        return tries < maxTries && status != null && backPressure(status) && session.contains(k.retryAfter);
    }

    private Session record(Session session, Keys k, List<String> conflictCodes) {
        Integer status = session.getIntegerWrapper(k.status);
        Integer millis = session.getIntegerWrapper(k.millis);
        String code = session.getString(k.code);
        boolean retryAfter = session.contains(k.retryAfter);
        long elapsed = millis != null ? millis : (System.nanoTime() - session.getLong(k.sent)) / 1_000_000;
        boolean expected = status != null
                && (status == 201
                        || (status == 409 && conflictCodes.contains(code))
                        || (backPressure(status) && retryAfter));
        outcomes.record(new Outcomes.Answer(k.name, status == null ? 0 : status, code, retryAfter, elapsed, expected));
        return session;
    }

    private static boolean backPressure(int status) {
        return status == 429 || status == 503;
    }

    /** Retry-After in seconds (an HTTP date counts as 1 s), at most {@code maxPause}. */
    private Duration pauseOf(String retryAfter) {
        Duration pause;
        try {
            pause = Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
        } catch (RuntimeException e) {
            pause = Duration.ofSeconds(1);
        }
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    private record Keys(
            String name, String status, String code, String retryAfter, String millis, String tries, String sent) {
        Keys(String name) {
            this(
                    name,
                    name + "Status",
                    name + "Code",
                    name + "RetryAfter",
                    name + "Millis",
                    name + "Tries",
                    name + "Sent");
        }
    }
}
