package io.livedrop.catalog.creator.web;

import io.livedrop.catalog.browse.web.ListReads;
import io.livedrop.catalog.browse.web.PathIds;
import io.livedrop.catalog.browse.web.PublicCaching;
import io.livedrop.catalog.browse.web.UserIds;
import io.livedrop.catalog.creator.application.CreatorService;
import io.livedrop.catalog.creator.domain.CreatorView;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.common.web.BatchIds;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/creators")
class CreatorController {

    private final CreatorService creators;

    private final PublicCaching caching;

    CreatorController(CreatorService creators, PublicCaching caching) {
        this.creators = creators;
        this.caching = caching;
    }

    @PostMapping
    ResponseEntity<CreatorView> become(AuthenticatedUser user, @Valid @RequestBody BecomeCreatorRequest request) {
        CreatorView creator = creators.become(UserIds.of(user), request.toProfile());
        return ResponseEntity.created(URI.create("/api/creators/" + creator.id()))
                .body(creator);
    }

    /**
     * Many profiles in one call (a feed resolving its creators), or the one with a handle ({@code
     * ?handle=}, the GraphQL {@code creator(handle:)}): public, like a single profile.
     */
    @GetMapping
    ResponseEntity<CreatorListResponse> batch(
            @RequestParam(required = false) List<String> ids, @RequestParam(required = false) String handle) {
        if (handle != null && ids != null) {
            throw ApiException.validation("handle", "give either ids or handle, not both");
        }
        List<UUID> creatorIds = handle != null ? null : BatchIds.parse("ids", ids);
        CreatorListResponse found = new CreatorListResponse(ListReads.shared(() -> handle != null
                ? creators.byHandle(handle)
                : BatchIds.inAskedOrder(creatorIds, creators.byIds(creatorIds), view -> UUID.fromString(view.id()))));
        return ResponseEntity.ok().cacheControl(caching.publicRead()).body(found);
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id) {
        return caching.ok(creators.json(PathIds.parseOr404(id, ErrorCode.CREATOR_NOT_FOUND, "Creator")));
    }

    @PatchMapping("/me")
    CreatorView updateMe(AuthenticatedUser user, @Valid @RequestBody UpdateCreatorRequest request) {
        return creators.update(UserIds.of(user), request.toProfile());
    }
}
