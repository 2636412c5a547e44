package io.livedrop.catalog.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.Response;
import io.livedrop.common.test.TestReplica;
import io.livedrop.common.test.WithTestReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * catalog-service with a real hot standby whose replay is paused: other people's lists and batch reads
 * come from the (lagging) replica, while the creator's own list and the cached single read come from
 * the primary, so a product just created shows in the console and on its own page at once.
 */
@WithTestReplica
class CatalogReplicaTests extends CatalogIntegrationTest {

    @Test
    void listsComeFromTheReplicaExceptTheCreatorsOwnAndTheCachedPages(TestReplica replica) {
        User creator = api.newCreator();
        String older = api.createProduct(creator, "Older").path("id").asString();
        replica.awaitCaughtUp(Duration.ofSeconds(10));

        replica.pauseReplay();
        try {
            String newer = api.createProduct(creator, "Newer").path("id").asString();
            String list = "/api/products?creatorId=" + creator.id();

            assertThat(ids(api.get(list, null)))
                    .as("anonymous list, from the replica")
                    .containsExactly(older);
            assertThat(ids(api.get("/api/products?ids=" + newer + "," + older, null)))
                    .as("batch read, from the replica")
                    .containsExactly(older);
            assertThat(ids(api.get(list, creator.token())))
                    .as("the creator's own list: read-your-writes")
                    .containsExactly(newer, older);
            Response page = api.get("/api/products/" + newer, null);
            assertThat(page.status())
                    .as("cached single read, loaded from the primary")
                    .isEqualTo(200);
        } finally {
            replica.resumeReplay();
        }

        replica.awaitCaughtUp(Duration.ofSeconds(10));
        assertThat(ids(api.get("/api/products?creatorId=" + creator.id(), null)))
                .hasSize(2);
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
