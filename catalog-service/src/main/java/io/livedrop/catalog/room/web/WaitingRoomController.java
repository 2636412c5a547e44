package io.livedrop.catalog.room.web;

import io.livedrop.catalog.browse.web.PathIds;
import io.livedrop.catalog.browse.web.UserIds;
import io.livedrop.catalog.room.application.WaitingRoomService;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.events.QueueUpdated.Ticket;
import io.livedrop.common.security.AuthenticatedUser;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A drop's waiting room (API.md "Virtual waiting room"): personal answers, never cached. */
@RestController
@RequestMapping("/api/drops/{id}/queue")
class WaitingRoomController {

    private final WaitingRoomService room;

    WaitingRoomController(WaitingRoomService room) {
        this.room = room;
    }

    /** 201 with a new ticket; 200 with the same ticket when the caller is already in line. */
    @PostMapping
    ResponseEntity<Ticket> join(AuthenticatedUser user, @PathVariable String id) {
        WaitingRoomService.Joined joined = room.join(dropId(id), UserIds.of(user));
        return ResponseEntity.status(joined.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(joined.ticket());
    }

    @GetMapping("/me")
    ResponseEntity<Ticket> mine(AuthenticatedUser user, @PathVariable String id) {
        UUID dropId = dropId(id);
        Ticket ticket = room.ticketOf(dropId, UserIds.of(user))
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND, "You have no ticket in the waiting room of drop " + dropId));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(ticket);
    }

    private static UUID dropId(String id) {
        return PathIds.parseOr404(id, ErrorCode.DROP_NOT_FOUND, "Drop");
    }
}
