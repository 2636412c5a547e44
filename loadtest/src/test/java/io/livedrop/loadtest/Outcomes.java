package io.livedrop.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every answer of the measured calls of a run ({@link RetriedCall} records them): call, status, problem
 * code, whether it carried {@code Retry-After}, response time, and whether it is an answer the
 * scenario allows. Status 0 is no answer at all (connection failure, timeout), with the time waited.
 */
final class Outcomes {

    record Answer(String call, int status, String code, boolean retryAfter, long millis, boolean expected) {

        /** 409, 429 or 503: a refusal, which should come at once. */
        boolean rejection() {
            return status == 409 || status == 429 || status == 503;
        }

        /** "order 409 SOLD_OUT", "order 503 SERVICE_UNAVAILABLE (Retry-After)", "payment no answer", ... */
        String label() {
            if (status == 0) {
                return call + " no answer";
            }
            return call + " " + status + (code == null ? "" : " " + code) + (retryAfter ? " (Retry-After)" : "");
        }
    }

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    void record(Answer answer) {
        answers.add(answer);
    }

    List<Answer> answers(Predicate<Answer> which) {
        return answers.stream().filter(which).toList();
    }

    static Percentiles latencies(List<Answer> answers) {
        return new Percentiles(answers.stream().map(Answer::millis).toList());
    }

    /** One fact per outcome: how many, and their response times. */
    void report(Checks checks) {
        Map<String, List<Long>> byLabel = answers.stream()
                .collect(Collectors.groupingBy(
                        Answer::label,
                        TreeMap::new,
                        Collectors.mapping(Answer::millis, Collectors.toCollection(ArrayList::new))));
        byLabel.forEach((label, millis) -> checks.fact(label, new Percentiles(millis)));
    }

    /** "order 504 x3, payment no answer x1": the answers of a kind, counted by outcome, for a detail. */
    static String summary(List<Answer> answers) {
        if (answers.isEmpty()) {
            return "none";
        }
        return answers.stream()
                .collect(Collectors.groupingBy(Answer::label, TreeMap::new, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
