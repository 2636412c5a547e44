package io.livedrop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.product.application.ProductListProperties;
import io.livedrop.catalog.product.application.ProductService;
import io.livedrop.catalog.product.domain.ProductSearch;
import io.livedrop.catalog.product.persistence.ProductRepository;
import io.livedrop.catalog.support.CatalogApi;
import io.livedrop.catalog.support.Response;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 12: {@code GET /api/products?q=} has a bounded cost. A common word reads one page in
 * index order instead of collecting and sorting every match; pages stay complete and ordered across the
 * switch to the rare-word path; and a query past its statement timeout is a 503 with {@code
 * Retry-After}, not a held connection.
 */
class ProductSearchBoundsTests extends CatalogIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ProductService products;

    @Autowired
    ProductRepository repository;

    @Autowired
    ProductListProperties limits;

    @Test
    void aCommonWordReadsOnePageNotEveryMatch() {
        String creatorId = api.newCreator().id();
        String word = uniqueWord("common");
        // 30,000 products of one creator, every one of them a match
        insertProducts(creatorId, 30_000, "'Sale " + word + " item ' || n");
        jdbc.sql("analyze product").update();

        long forOneCreator = tuplesRead(() -> products.page(UUID.fromString(creatorId), word, 20, null));
        long forEveryone = tuplesRead(() -> products.page(null, word, 20, null));
        long lastPageOfMany = tuplesRead(() -> {
            var page = products.page(UUID.fromString(creatorId), word, 100, null);
            products.page(UUID.fromString(creatorId), word, 100, page.nextCursor());
        });

        // collecting every match (what it did before) reads all 30,000 of them, index and table
        assertThat(forOneCreator).isLessThan(1_000);
        assertThat(forEveryone).isLessThan(1_000);
        assertThat(lastPageOfMany).isLessThan(2_000);
    }

    @Test
    void theHeadOfASearchWalksTheNewestFirstIndex() {
        String creatorId = api.newCreator().id();
        insertProducts(creatorId, 20_000, "'Filler ' || n");
        jdbc.sql("analyze product").update();

        String tsquery = ProductSearch.toTsquery("filler");
        for (var creator : Arrays.asList(null, UUID.fromString(creatorId))) {
            var statement = repository.headStatement(creator, tsquery, null, null, 20, limits.scanWindow());
            String plan = String.join(
                    "\n",
                    jdbc.sql("explain " + statement.sql())
                            .params(statement.parameters())
                            .query(String.class)
                            .list());
            assertThat(plan)
                    .as(plan)
                    .containsAnyOf("Index Scan using product_newest", "Index Scan using product_by_creator")
                    .doesNotContain("Seq Scan")
                    .doesNotContain("Sort")
                    .doesNotContain("Bitmap");
        }
    }

    @Test
    void pagesAreCompleteAndInOrderAcrossTheScanWindow() {
        String creatorId = api.newCreator().id();
        String word = uniqueWord("mixed");
        int total = limits.scanWindow() + 2_000;
        // the newest 30 match, then a stretch longer than the scan window without a match, then every
        // 40th of the oldest 1,000: page 2 onwards needs the rare-word path
        insertProducts(
                creatorId,
                total,
                "case when n <= 30 or (n > " + (total - 1_000) + " and n % 40 = 0) then 'New " + word
                        + " ' || n else 'Filler ' || n end");
        List<String> expected = jdbc.sql("""
                        select id::text from product
                        where creator_id = :creatorId and search @@ to_tsquery('simple', :tsquery)
                        order by created_at desc, id desc
                        """)
                .param("creatorId", UUID.fromString(creatorId))
                .param("tsquery", ProductSearch.toTsquery(word))
                .query(String.class)
                .list();
        assertThat(expected).hasSize(55);

        assertThat(allPages(api, "/api/products?limit=20&creatorId=" + creatorId + "&q=" + word))
                .containsExactlyElementsOf(expected);
        assertThat(allPages(api, "/api/products?limit=7&q=" + word)).containsExactlyElementsOf(expected);
    }

    @Test
    void aListPastItsStatementTimeoutIsServiceUnavailableWithRetryAfter() throws Exception {
        String creatorId = api.newCreator().id();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            // every read of product now waits: longer than any statement timeout
            blocker.createStatement().execute("lock table product in access exclusive mode");
            try {
                for (String path :
                        List.of("/api/products?q=" + uniqueWord("slow"), "/api/products?creatorId=" + creatorId)) {
                    Response response = api.get(path, null);
                    assertThat(response.status()).as(path + " " + response).isEqualTo(503);
                    assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
                    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(response.header("Retry-After"))
                            .isEqualTo(Long.toString(limits.retryAfter().toSeconds()));
                }
            } finally {
                blocker.rollback();
            }
        }
        assertThat(api.get("/api/products?creatorId=" + creatorId, null).status())
                .isEqualTo(200);
    }

    private List<String> allPages(CatalogApi api, String firstPage) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get(firstPage + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
            cursor = page.text("nextCursor");
        } while (cursor != null && ids.size() < 1_000);
        return ids;
    }

    /** Products of one creator, newest first by {@code n} (n = 1 is the newest, a millisecond apart). */
    private void insertProducts(String creatorId, int count, String titleExpression) {
        jdbc.sql("""
                insert into product (id, creator_id, title, description, price_cents, currency, created_at, updated_at)
                select gen_random_uuid(), :creatorId, %s, '', 100, 'EUR',
                       now() - n * interval '1 millisecond', now()
                from generate_series(1, :count) n
                """.formatted(titleExpression))
                .param("creatorId", UUID.fromString(creatorId))
                .param("count", count)
                .update();
    }

    /**
     * Index entries and table rows this transaction's queries read from product and its indexes (the
     * PostgreSQL statistics of the current transaction): what {@code work} cost, whatever the timing.
     */
    private long tuplesRead(Runnable work) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return transaction.execute(status -> {
            long before = tuplesReadSoFar();
            work.run();
            return tuplesReadSoFar() - before;
        });
    }

    private long tuplesReadSoFar() {
        return jdbc.sql("""
                        select coalesce(sum(pg_stat_get_xact_tuples_fetched(c.oid)
                                            + pg_stat_get_xact_tuples_returned(c.oid)), 0)
                        from pg_class c
                        where c.oid = 'product'::regclass
                           or c.oid in (select indexrelid from pg_index where indrelid = 'product'::regclass)
                        """).query(Long.class).single();
    }

    private static String uniqueWord(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
