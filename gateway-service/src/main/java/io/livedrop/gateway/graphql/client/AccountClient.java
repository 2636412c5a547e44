package io.livedrop.gateway.graphql.client;

import io.livedrop.gateway.graphql.domain.Model.Notification;
import io.livedrop.gateway.graphql.domain.Model.Order;
import io.livedrop.gateway.graphql.domain.Model.Page;
import io.livedrop.gateway.graphql.domain.Model.Viewer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/** The caller's own data: profile (auth-service), orders (order-service), inbox (notification-service). */
public class AccountClient {

    public static final String AUTH = "auth-service";
    public static final String ORDERS = "order-service";
    public static final String NOTIFICATIONS = "notification-service";

    private static final ParameterizedTypeReference<Page<Order>> ORDER_PAGE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Notification>> NOTIFICATION_PAGE =
            new ParameterizedTypeReference<>() {};

    private final Backends backends;

    public AccountClient(Backends backends) {
        this.backends = backends;
    }

    public Mono<Viewer> me(Caller caller) {
        return backends.get(
                AUTH, "/api/users/me", uri -> uri.path("/api/users/me").build(), caller, Viewer.class);
    }

    public Mono<Page<Order>> orders(String cursor, int limit, Caller caller) {
        return backends.get(ORDERS, "/api/orders", uri -> page(uri, "/api/orders", cursor, limit), caller, ORDER_PAGE);
    }

    public Mono<Page<Notification>> notifications(String cursor, int limit, Caller caller) {
        return backends.get(
                NOTIFICATIONS,
                "/api/notifications",
                uri -> page(uri, "/api/notifications", cursor, limit),
                caller,
                NOTIFICATION_PAGE);
    }

    private static java.net.URI page(UriBuilder uri, String path, String cursor, int limit) {
        uri.path(path).queryParam("limit", limit);
        if (cursor != null) {
            uri.queryParam("cursor", "{cursor}");
            return uri.build(cursor);
        }
        return uri.build();
    }
}
