package io.livedrop.common.security;

/** Token scopes and audiences shared by the issuer (auth-service) and every resource server. */
public final class Scopes {

    /** An end user's access token. */
    public static final String USER = "user";
    /** A service credential for {@code /internal/**}. */
    public static final String INTERNAL = "internal";
    /** A short-lived token accepted only by the realtime endpoints. */
    public static final String REALTIME = "realtime";

    public static final String API_AUDIENCE = "livedrop-api";
    public static final String REALTIME_AUDIENCE = "livedrop-realtime";

    private Scopes() {}

    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
