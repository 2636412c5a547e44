package io.livedrop.catalog.creator.domain;

/**
 * The editable fields of a creator profile as a request gave them: all of them when becoming a
 * creator; in a partial update an absent (null) field stays unchanged and an empty {@code bio} or
 * {@code profileImageUrl} clears it.
 */
public record CreatorProfile(String handle, String displayName, String bio, String profileImageUrl) {}
