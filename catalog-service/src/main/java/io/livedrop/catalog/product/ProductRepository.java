package io.livedrop.catalog.product;

import io.livedrop.catalog.persistence.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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
                .param("createdAt", SqlTime.of(product.createdAt()))
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
                .param("now", SqlTime.of(now))
                .update();
    }

    /**
     * One page, newest first, after the keyset position {@code (afterCreatedAt, afterId)} if given;
     * fetches {@code limit + 1} rows so the caller knows whether there is a next page.
     */
    List<ProductView> page(UUID creatorId, String tsquery, Instant afterCreatedAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from product p where true");
        var statement = new java.util.LinkedHashMap<String, Object>();
        if (creatorId != null) {
            sql.append(" and p.creator_id = :creatorId");
            statement.put("creatorId", creatorId);
        }
        if (tsquery != null) {
            sql.append(" and p.search @@ to_tsquery('simple', :tsquery)");
            statement.put("tsquery", tsquery);
        }
        if (afterId != null) {
            sql.append(" and (p.created_at, p.id) < (:afterCreatedAt, :afterId)");
            statement.put("afterCreatedAt", SqlTime.of(afterCreatedAt));
            statement.put("afterId", afterId);
        }
        sql.append(" order by p.created_at desc, p.id desc limit :limit");
        statement.put("limit", limit + 1);
        return jdbc.sql(sql.toString())
                .params(statement)
                .query(ProductRepository::view)
                .list();
    }

    static ProductView view(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                rs.getString("id"),
                rs.getString("creator_id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getLong("price_cents"),
                rs.getString("currency"),
                rs.getString("image_url"),
                SqlTime.read(rs, "created_at"));
    }
}
