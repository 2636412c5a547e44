package io.livedrop.catalog.creator;

import java.util.List;

/** A batch of creator profiles ({@code GET /api/creators?ids=}): {@code {items}}, no cursor. */
record CreatorList(List<CreatorView> items) {}
