package io.livedrop.catalog.creator.web;

import io.livedrop.catalog.creator.domain.CreatorView;
import java.util.List;

/** A batch of creator profiles ({@code GET /api/creators?ids=}): {@code {items}}, no cursor. */
public record CreatorListResponse(List<CreatorView> items) {}
