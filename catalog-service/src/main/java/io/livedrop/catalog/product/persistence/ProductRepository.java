package io.livedrop.catalog.product.persistence;

import io.livedrop.catalog.product.domain.ProductView;
import io.livedrop.common.jdbc.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProductRepository {

    static final String COLUMNS =
            "p.id, p.creator_id, p.title, p.description, p.price_cents, p.currency, p.image_url, p.created_at";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ProductView product) {
        jdbc.sql("""
                insert into product (id, creator_id, title, description, price_cents, currency, image_url,
                                     created_at, updated_at)
                values (:id, :creatorId, :title, :description, :priceCents, :currency, :imageUrl, :createdAt, :createdAt)
                """)
                .param("id", UUID.fromString(product.id()))
                .param("creatorId", UUID.fromString(product.creatorId()))
                .param("title", product.title())
                .param("description", product.description())
                .param("priceCents", product.priceCents())
                .param("currency", product.currency())
                .param("imageUrl", product.imageUrl())
                .param("createdAt", SqlTimes.utc(product.createdAt()))
                .update();
    }

    public Optional<ProductView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from product p where p.id = :id")
                .param("id", id)
                .query(ProductRepository::view)
                .optional();
    }

    /** The products among {@code ids}, in no particular order: one query on the primary key. */
    public List<ProductView> findAll(List<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from product p where p.id = any(cast(:ids as uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(ProductRepository::view)
                .list();
    }

    /** The product, locked until the end of the transaction (edits and drop creation serialise). */
    public Optional<ProductView> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from product p where p.id = :id for update")
                .param("id", id)
                .query(ProductRepository::view)
                .optional();
    }

    public void update(ProductView product, Instant now) {
        jdbc.sql("""
                update product set title = :title, description = :description, price_cents = :priceCents,
                                   currency = :currency, image_url = :imageUrl, updated_at = :now
                where id = :id
                """)
                .param("id", UUID.fromString(product.id()))
                .param("title", product.title())
                .param("description", product.description())
                .param("priceCents", product.priceCents())
                .param("currency", product.currency())
                .param("imageUrl", product.imageUrl())
                .param("now", SqlTimes.utc(now))
                .update();
    }

    /** Runs one of the page statements below. */
    public List<ProductView> page(PageStatement statement) {
        return jdbc.sql(statement.sql())
                .params(statement.parameters())
                .query(ProductRepository::view)
                .list();
    }

    /**
     * A list without text search: newest first after the keyset position {@code (afterCreatedAt,
     * afterId)} if given, {@code limit + 1} rows (so the caller knows whether there is a next page). A
     * range of {@code product_newest} or {@code product_by_creator}: the same cost on every page.
     */
    public PageStatement browseStatement(UUID creatorId, Instant afterCreatedAt, UUID afterId, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = keysetWhere(creatorId, afterCreatedAt, afterId, parameters);
        return new PageStatement(
                "select " + COLUMNS + " from product p where " + where + newestFirst(limit), parameters);
    }

    /**
     * Text search, first try: walks the newest-first index ({@code product_newest}, or {@code
     * product_by_creator} for one creator) from the keyset position, looks at no more than {@code
     * window} products and keeps the matches, stopping as soon as it has {@code limit + 1}. For a
     * common word ({@code q=a}) that is a page read in index order, whatever the table size. Fewer than
     * {@code limit + 1} rows means the word is rare among the newest products: see {@link
     * #collectStatement}.
     *
     * <p>The shape is deliberate. The match cannot be pushed into the bounded subquery, so the planner
     * never turns this into a scan of all matches; the outer query has no {@code order by} of its own
     * (the subquery's order passes through the filter unchanged), so the planner plans the subquery
     * for the first {@code limit + 1} matches — an index walk — instead of for all {@code window} rows,
     * for which a sequential scan and a sort can look cheaper; and window and limit are literals, so a
     * cached generic plan cannot guess them either.
     */
    public PageStatement headStatement(
            UUID creatorId, String tsquery, Instant afterCreatedAt, UUID afterId, int limit, int window) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = keysetWhere(creatorId, afterCreatedAt, afterId, parameters);
        parameters.put("tsquery", tsquery);
        String newest = "select " + COLUMNS + ", p.search from product p where " + where
                + " order by p.created_at desc, p.id desc limit " + Math.max(1, window);
        return new PageStatement(
                "select " + COLUMNS + " from (" + newest + ") p where p.search @@ to_tsquery('simple', :tsquery)"
                        + " limit " + (limit + 1),
                parameters);
    }

    /**
     * Text search, second try (a word rare among the newest products): collects the matches after the
     * keyset position through the GIN index (a materialized CTE), then sorts them. Left to itself the
     * planner walks the newest-first index and filters every row, which for a rare word reads the
     * whole table; here the cost is the number of matches, bounded by the search's statement timeout.
     */
    public PageStatement collectStatement(
            UUID creatorId, String tsquery, Instant afterCreatedAt, UUID afterId, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = keysetWhere(creatorId, afterCreatedAt, afterId, parameters)
                + " and p.search @@ to_tsquery('simple', :tsquery)";
        parameters.put("tsquery", tsquery);
        return new PageStatement(
                "with p as materialized (select " + COLUMNS + " from product p where " + where + ")"
                        + " select p.* from p" + newestFirst(limit),
                parameters);
    }

    /** Newest first, {@code limit + 1} rows (the lookahead that tells whether there is a next page). */
    private static String newestFirst(int limit) {
        return " order by p.created_at desc, p.id desc limit " + (limit + 1);
    }

    private static String keysetWhere(
            UUID creatorId, Instant afterCreatedAt, UUID afterId, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("true");
        if (creatorId != null) {
            where.append(" and p.creator_id = :creatorId");
            parameters.put("creatorId", creatorId);
        }
        if (afterId != null) {
            where.append(" and (p.created_at, p.id) < (:afterCreatedAt, :afterId)");
            parameters.put("afterCreatedAt", SqlTimes.utc(afterCreatedAt));
            parameters.put("afterId", afterId);
        }
        return where.toString();
    }

    public record PageStatement(String sql, Map<String, Object> parameters) {}

    static ProductView view(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                rs.getString("id"),
                rs.getString("creator_id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getLong("price_cents"),
                rs.getString("currency"),
                rs.getString("image_url"),
                SqlTimes.instant(rs, "created_at"));
    }
}
