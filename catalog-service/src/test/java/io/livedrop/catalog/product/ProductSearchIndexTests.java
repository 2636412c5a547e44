package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.product.domain.ProductSearch;
import io.livedrop.catalog.product.domain.ProductView;
import io.livedrop.catalog.product.persistence.ProductRepository;
import io.livedrop.common.ids.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Text search is served by the GIN index on the product's tsvector, not by a sequential scan. */
class ProductSearchIndexTests extends CatalogIntegrationTest {

    @Autowired
    ProductRepository repository;

    @Test
    void searchUsesTheFullTextIndex() {
        String creatorId = api.newCreator().id();
        String rare = "qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // a table large enough for the planner to care (on a tiny one a sequential scan is cheapest)
        jdbc.sql("""
                insert into product (id, creator_id, title, description, price_cents, currency, created_at, updated_at)
                select gen_random_uuid(), :creatorId, 'Common product ' || n, 'An ordinary description ' || n,
                       100, 'EUR', now() - n * interval '1 second', now()
                from generate_series(1, 100000) n
                """).param("creatorId", UUID.fromString(creatorId)).update();
        jdbc.sql("""
                insert into product (id, creator_id, title, description, price_cents, currency, created_at, updated_at)
                values (:id, :creatorId, :title, '', 100, 'EUR', now(), now())
                """)
                .param("id", Ids.newId())
                .param("creatorId", UUID.fromString(creatorId))
                .param("title", "The " + rare + " edition")
                .update();
        jdbc.sql("analyze product").update();

        String tsquery = ProductSearch.toTsquery(rare);
        for (var creator : java.util.Arrays.asList(null, UUID.fromString(creatorId))) {
            var statement = repository.collectStatement(creator, tsquery, null, null, 20);
            String plan = String.join(
                    "\n",
                    jdbc.sql("explain " + statement.sql())
                            .params(statement.parameters())
                            .query(String.class)
                            .list());
            assertThat(plan).contains("Bitmap Index Scan on product_search").doesNotContain("Seq Scan");
        }
        assertThat(repository.page(repository.collectStatement(null, tsquery, null, null, 20)))
                .extracting(ProductView::title)
                .containsExactly("The " + rare + " edition");
    }
}
