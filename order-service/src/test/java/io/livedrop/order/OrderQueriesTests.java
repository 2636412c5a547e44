package io.livedrop.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import io.livedrop.common.test.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/orders/{id} (owner only) and GET /api/orders (keyset pages, newest first). */
class OrderQueriesTests extends OrderIntegrationTest {

    @Test
    void theBuyerSeesTheOrderAndNobodyElseDoes() {
        String dropId = fixtures.liveDrop(5, 5, 100);
        String buyer = fixtures.newUser();
        String orderId = api.placedOrder(buyer, dropId, 1);

        Reply own = api.get("/api/orders/" + orderId, fixtures.token(buyer));
        Reply stranger = api.get("/api/orders/" + orderId, fixtures.token(fixtures.newUser()));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text("id")).isEqualTo(orderId);
        assertThat(own.text("status")).isEqualTo("pending_payment");
        assertThat(own.json().propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "userId",
                        "dropId",
                        "productId",
                        "quantity",
                        "unitPriceCents",
                        "totalCents",
                        "currency",
                        "status",
                        "reservedUntil",
                        "createdAt",
                        "updatedAt");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String token = fixtures.token(fixtures.newUser());
        for (String id : List.of(Ids.newId().toString(), "nope", "' or 1=1 --")) {
            Reply reply = api.get("/api/orders/" + id.replace(" ", "%20").replace("'", "%27"), token);
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.code()).as(id).isEqualTo("ORDER_NOT_FOUND");
        }
    }

    @Test
    void listsTheBuyersOrdersNewestFirstInStablePages() {
        String dropId = fixtures.liveDrop(50, 50, 100);
        String buyer = fixtures.newUser();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(api.placedOrder(buyer, dropId, 1));
        }
        api.placedOrder(fixtures.newUser(), dropId, 1); // someone else's

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page =
                    api.get("/api/orders?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), fixtures.token(buyer));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode item : page.json().path("items")) {
                seen.add(item.path("id").asString());
            }
            if (pages == 0) {
                // an order placed between pages does not shift the next ones
                placed.add(0, api.placedOrder(buyer, dropId, 1));
            }
            cursor = page.text("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(placed.subList(1, 6).reversed());
    }

    @Test
    void tamperedOrForeignCursorsAndBadLimitsAreRejected() {
        String dropId = fixtures.liveDrop(50, 50, 100);
        String alice = fixtures.newUser();
        api.placedOrder(alice, dropId, 1);
        api.placedOrder(alice, dropId, 1);
        String cursor = api.get("/api/orders?limit=1", fixtures.token(alice)).text("nextCursor");
        assertThat(cursor).isNotNull();

        Reply foreign = api.get("/api/orders?cursor=" + cursor, fixtures.token(fixtures.newUser()));
        Reply tampered = api.get("/api/orders?cursor=" + cursor + "x", fixtures.token(alice));
        Reply tooMany = api.get("/api/orders?limit=101", fixtures.token(alice));
        Reply none = api.get("/api/orders?limit=0", fixtures.token(alice));

        assertThat(foreign.code()).isEqualTo("INVALID_CURSOR");
        assertThat(tampered.code()).isEqualTo("INVALID_CURSOR");
        assertThat(tooMany.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(none.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(List.of(foreign, tampered, tooMany, none))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void rejectedAttemptsAreNeverListed() {
        String dropId = fixtures.liveDrop(1, 1, 100);
        api.placedOrder(fixtures.newUser(), dropId, 1);
        String late = fixtures.newUser();
        api.placeOrder(late, "sold-out", dropId, 1);

        Reply page = api.get("/api/orders", fixtures.token(late));

        assertThat(page.json().path("items").size()).isZero();
        assertThat(page.json().path("nextCursor").isNull()).isTrue();
    }
}
