package io.livedrop.notification.inbox.web;

import io.livedrop.common.pagination.Page;
import io.livedrop.common.security.AuthenticatedUser;
import io.livedrop.notification.inbox.application.InboxService;
import io.livedrop.notification.inbox.domain.NotificationIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications (API.md "Notifications & realtime"). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final InboxService inbox;

    NotificationController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    NotificationPageResponse list(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        InboxService.Listing listing = inbox.list(user.id(), limit, cursor);
        List<NotificationResponse> items = listing.page().items().stream()
                .map(row -> new NotificationResponse(
                        NotificationIds.format(row.id()), row.type(), row.createdAt(), row.read(), row.data()))
                .toList();
        return new NotificationPageResponse(items, listing.page().nextCursor(), listing.unreadCount());
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(AuthenticatedUser user, @PathVariable String id) {
        inbox.read(user.id(), id);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(AuthenticatedUser user) {
        inbox.readAll(user.id());
    }
}
