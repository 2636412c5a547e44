package io.livedrop.catalog.product;

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
class ProductRepository {

    static final String COLUMNS =
            "p.id, p.creator_id, p.title, p.description, p.price_cents, p.currency, p.image_url, p.created_at";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProductView product) {
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

    Optional<ProductView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from product p where p.id = :id")
                .param("id", id)
                .query(ProductRepository::view)
                .optional();
    }

    /** The product, locked until the end of the transaction (edits and drop creation serialise). */
    Optional<ProductView> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from product p where p.id = :id for update")
                .param("id", id)
                .query(ProductRepository::view)
                .optional();
    }

    void update(ProductView product, Instant now) {
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

    /**
     * One page, newest first, after the keyset position {@code (afterCreatedAt, afterId)} if given;
     * fetches {@code limit + 1} rows so the caller knows whether there is a next page.
     */
    List<ProductView> page(UUID creatorId, String tsquery, Instant afterCreatedAt, UUID afterId, int limit) {
        PageStatement statement = pageStatement(creatorId, tsquery, afterCreatedAt, afterId, limit);
        return jdbc.sql(statement.sql())
                .params(statement.parameters())
                .query(ProductRepository::view)
                .list();
    }

    /**
     * The SQL of a page. A text search first collects the matches through the GIN index (a
     * materialized CTE), then sorts them: left to itself, the planner walks the newest-first index
     * and filters every row, which for a rare word reads the whole table. The price is a sort of all
     * matches for very common words.
     */
    PageStatement pageStatement(UUID creatorId, String tsquery, Instant afterCreatedAt, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (creatorId != null) {
            where.append(" and p.creator_id = :creatorId");
            parameters.put("creatorId", creatorId);
        }
        if (tsquery != null) {
            where.append(" and p.search @@ to_tsquery('simple', :tsquery)");
            parameters.put("tsquery", tsquery);
        }
        if (afterId != null) {
            where.append(" and (p.created_at, p.id) < (:afterCreatedAt, :afterId)");
            parameters.put("afterCreatedAt", SqlTimes.utc(afterCreatedAt));
            parameters.put("afterId", afterId);
        }
        parameters.put("limit", limit + 1);
        String order = " order by p.created_at desc, p.id desc limit :limit";
        String sql = tsquery == null
                ? "select " + COLUMNS + " from product p where " + where + order
                : "with p as materialized (select " + COLUMNS + " from product p where " + where + ")"
                        + " select p.* from p" + order;
        return new PageStatement(sql, parameters);
    }

    record PageStatement(String sql, Map<String, Object> parameters) {}

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
