package io.livedrop.common.security;

import java.util.Set;

/** Token scopes and audiences shared by the issuer (auth-service) and every resource server. */
public final class Scopes {

    /** An end user's access token. */
    public static final String USER = "user";
    /** A short-lived token accepted only by the realtime endpoints. */
    public static final String REALTIME = "realtime";

    /*
     * Service tokens carry one scope per internal API they may call (docs/INTERNAL-API.md). Each
     * service's /internal/** requires its own (livedrop.security.internal-scope); auth-service grants a
     * client only the scopes SERVICE_CLIENT_SCOPES lists for it.
     */

    /** inventory-service's {@code /internal/inventory/**}: reserve, confirm, release, return, drop stock. */
    public static final String INTERNAL_INVENTORY = "internal:inventory";
    /** payment-service's {@code /internal/payments/**}: refunds. */
    public static final String INTERNAL_PAYMENTS = "internal:payments";
    /** order-service's {@code /internal/orders/**}: reading an order. */
    public static final String INTERNAL_ORDERS = "internal:orders";
    /** follower-service's {@code /internal/follows/**}: follower counts. */
    public static final String INTERNAL_FOLLOWS = "internal:follows";

    /** Every scope a service token may carry. */
    public static final Set<String> SERVICE_SCOPES =
            Set.of(INTERNAL_INVENTORY, INTERNAL_PAYMENTS, INTERNAL_ORDERS, INTERNAL_FOLLOWS);

    public static final String API_AUDIENCE = "livedrop-api";
    public static final String REALTIME_AUDIENCE = "livedrop-realtime";

    private Scopes() {}

    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
