package io.livedrop.gateway.graphql.domain;

import java.util.List;

/**
 * What the services answer, read as the graph's types. Fields the services send and the graph does not
 * show are ignored; the embedded summaries in a drop ({@code product}, {@code creator}) have the
 * summary fields only and are completed through the batch loaders when a query asks for more.
 */
public final class Model {

    private Model() {}

    public record Drop(
            String id,
            String productId,
            String creatorId,
            String status,
            boolean soldOut,
            int available,
            int initialStock,
            String startsAt,
            String endsAt,
            int perUserLimit,
            Product product,
            Creator creator) {}

    public record Product(
            String id, String title, String description, long priceCents, String currency, String imageUrl) {}

    public record Creator(String id, String handle, String displayName, String bio, Long followerCount) {}

    public record Viewer(String id, String name, String email) {}

    public record Order(
            String id,
            String dropId,
            String status,
            int quantity,
            long totalCents,
            String currency,
            String createdAt) {}

    public record Notification(
            String id, String type, boolean read, String createdAt, tools.jackson.databind.JsonNode data) {}

    /** An edge of the caller's follow list, or of their follows among some creators. */
    public record Follow(String creatorId, String followedAt) {}

    /** A page of a REST list: {@code {items, nextCursor}}. */
    public record Page<T>(List<T> items, String nextCursor) {}

    /** A batch read: {@code {items}}. */
    public record Batch<T>(List<T> items) {}
}
