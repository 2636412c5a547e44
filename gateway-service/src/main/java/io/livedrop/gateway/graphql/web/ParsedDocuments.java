package io.livedrop.gateway.graphql.web;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated queries, remembered (least recently used first out, a bounded number per
 * instance) so a client pays for parsing once, not per request:
 *
 * <ul>
 *   <li>Automatic persisted queries (Apollo's protocol): a request may carry {@code
 *       extensions.persistedQuery.sha256Hash} instead of the text. An unknown hash is answered {@code
 *       PERSISTED_QUERY_NOT_FOUND}; the client then sends hash and text once, the text is checked
 *       against the hash, and later requests send the hash alone.
 *   <li>Plain requests are remembered by their text.
 * </ul>
 *
 * Only documents that parsed and validated are kept. Validation does not depend on variables, and the
 * depth and cost limits run at execution, on every request.
 */
public final class ParsedDocuments implements PreparsedDocumentProvider {

    private static final int MAX_REMEMBERED_TEXT = 16 * 1024;

    private final Map<Object, PreparsedDocumentEntry> documents;
    private final PreparsedDocumentProvider persistedQueries;

    public ParsedDocuments(int capacity) {
        this.documents = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, PreparsedDocumentEntry> eldest) {
                return size() > capacity;
            }
        });
        this.persistedQueries = new ApolloPersistedQuerySupport(new RememberedHashes());
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (input.getExtensions().containsKey("persistedQuery")) {
            return persistedQueries.getDocumentAsync(input, parseAndValidate);
        }
        String text = input.getQuery();
        if (text.length() > MAX_REMEMBERED_TEXT) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        return CompletableFuture.completedFuture(remembered(text, () -> parseAndValidate.apply(input)));
    }

    private PreparsedDocumentEntry remembered(Object key, java.util.function.Supplier<PreparsedDocumentEntry> parse) {
        PreparsedDocumentEntry known = documents.get(key);
        if (known != null) {
            return known;
        }
        PreparsedDocumentEntry parsed = parse.get();
        if (!parsed.hasErrors()) {
            documents.put(key, parsed);
        }
        return parsed;
    }

    /** A persisted query's key, apart from plain texts (which are keyed by themselves). */
    private record Hash(Object sha256) {}

    /** The hash → document side of automatic persisted queries, in the same bounded memory. */
    private final class RememberedHashes implements PersistedQueryCache {

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(
                Object hash, ExecutionInput input, PersistedQueryCacheMiss onMiss) throws PersistedQueryNotFound {
            PreparsedDocumentEntry known = documents.get(new Hash(hash));
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            String text = input.getQuery();
            if (text == null || text.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(text)) {
                throw new PersistedQueryNotFound(hash);
            }
            return CompletableFuture.completedFuture(remembered(new Hash(hash), () -> onMiss.apply(text)));
        }
    }
}
