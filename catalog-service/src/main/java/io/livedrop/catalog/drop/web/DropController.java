package io.livedrop.catalog.drop.web;

import io.livedrop.catalog.browse.web.BatchReads;
import io.livedrop.catalog.browse.web.ListReads;
import io.livedrop.catalog.browse.web.PathIds;
import io.livedrop.catalog.browse.web.PublicCaching;
import io.livedrop.catalog.browse.web.UserIds;
import io.livedrop.catalog.drop.application.DropService;
import io.livedrop.catalog.drop.domain.DropStatus;
import io.livedrop.catalog.drop.domain.DropView;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.pagination.Page;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.common.security.CurrentUser;
import io.livedrop.common.web.BatchIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
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
@RequestMapping("/api/drops")
class DropController {

    /** The parameters of the list, which a batch read ({@code ids=}) does not take. */
    private static final List<String> LIST_PARAMETERS = List.of("status", "creatorId", "followed", "limit", "cursor");

    private final DropService drops;

    private final PublicCaching caching;

    DropController(DropService drops, PublicCaching caching) {
        this.drops = drops;
        this.caching = caching;
    }

    @PostMapping
    ResponseEntity<DropView> create(AuthenticatedUser user, @Valid @RequestBody CreateDropRequest body) {
        DropView drop = drops.create(UserIds.of(user), body.toPlan());
        return ResponseEntity.created(URI.create("/api/drops/" + drop.id())).body(drop);
    }

    /** The hot read: a cache hit is a map lookup and a byte copy, no database and no serialization. */
    @GetMapping("/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id) {
        return caching.ok(drops.json(dropId(id)));
    }

    @PatchMapping("/{id}")
    DropView update(AuthenticatedUser user, @PathVariable String id, @Valid @RequestBody UpdateDropRequest body) {
        return drops.update(UserIds.of(user), dropId(id), body.toPlan());
    }

    /**
     * Many drops in one call, for clients that resolve a whole feed at once. Public like the list, and
     * cacheable until the first of its drops changes status.
     */
    @GetMapping(params = "ids")
    ResponseEntity<Page<DropView>> batch(@RequestParam(required = false) List<String> ids, HttpServletRequest request) {
        List<UUID> dropIds = BatchReads.ids(ids, request.getParameterMap(), LIST_PARAMETERS);
        Page<DropView> page = new Page<>(
                BatchIds.inAskedOrder(
                        dropIds, ListReads.shared(() -> drops.byIds(dropIds)), view -> UUID.fromString(view.id())),
                null);
        return ResponseEntity.ok()
                .cacheControl(caching.publicUntil(drops.nextChangeOf(page)))
                .body(page);
    }

    /** Public; {@code followed=true} narrows to creators the signed-in caller follows (401 when anonymous). */
    /** A public list is cacheable until its first drop changes status; {@code followed=true} is personal. */
    @GetMapping
    ResponseEntity<Page<DropView>> list(
            @RequestParam(defaultValue = "live") String status,
            @RequestParam(required = false) String creatorId,
            @RequestParam(defaultValue = "false") boolean followed,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String cursor) {
        UUID creator = creatorId == null ? null : PathIds.parseOr404(creatorId, ErrorCode.CREATOR_NOT_FOUND, "Creator");
        UUID follower = null;
        if (followed) {
            follower = UserIds.of(CurrentUser.find()
                    .orElseThrow(
                            () -> new ApiException(ErrorCode.UNAUTHENTICATED, "followed=true needs a signed-in user")));
        }
        DropStatus wanted = DropStatus.parse(status);
        UUID followerId = follower;
        Page<DropView> page = ListReads.list(creator, () -> drops.page(wanted, creator, followerId, limit, cursor));
        if (followed) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .body(page);
        }
        return ResponseEntity.ok()
                .cacheControl(caching.publicUntil(drops.nextChangeOf(page)))
                .body(page);
    }

    private static UUID dropId(String id) {
        return PathIds.parseOr404(id, ErrorCode.DROP_NOT_FOUND, "Drop");
    }
}
