package io.livedrop.catalog.creator.domain;

import java.util.UUID;

/** In-process notice that a creator's profile changed (drops show a creator summary). */
public record CreatorChanged(UUID creatorId) {}
