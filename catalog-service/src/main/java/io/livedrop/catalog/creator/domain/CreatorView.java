package io.livedrop.catalog.creator.domain;

import java.time.Instant;

/** A creator profile as the API shows it. */
public record CreatorView(
        String id,
        String handle,
        String displayName,
        String bio,
        String profileImageUrl,
        long followerCount,
        Instant createdAt) {}
