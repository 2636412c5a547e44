package io.livedrop.e2e.support;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Signs up fresh users through the gateway for end-to-end tests: every call gets a new random email,
 * so tests never collide with each other or with earlier runs.
 *
 * <pre>{@code
 * Users.User buyer = Users.register(api);
 * api.get("/api/users/me", buyer.accessToken());
 * }</pre>
 */
public final class Users {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Users() {}

    /** A registered user and the tokens its registration returned. */
    public record User(
            String id, String email, String password, String name, String accessToken, String refreshToken) {}

    public static User register(Api api) {
        return register(api, "E2E User");
    }

    public static User register(Api api, String name) {
        String email = uniqueEmail();
        String password = "e2e-password-" + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        ApiResponse response =
                api.post("/api/auth/register", Map.of("email", email, "password", password, "name", name), null);
        if (response.status() != 201) {
            throw new IllegalStateException("registration through the gateway failed: " + response);
        }
        return new User(
                response.body().path("user").path("id").asString(),
                email,
                password,
                name,
                response.text("accessToken"),
                response.text("refreshToken"));
    }

    /** Signs in again: a new session (new refresh-token family) for the same user. */
    public static User login(Api api, User user) {
        ApiResponse response =
                api.post("/api/auth/login", Map.of("email", user.email(), "password", user.password()), null);
        if (response.status() != 200) {
            throw new IllegalStateException("login through the gateway failed: " + response);
        }
        return new User(
                user.id(),
                user.email(),
                user.password(),
                user.name(),
                response.text("accessToken"),
                response.text("refreshToken"));
    }

    /** An email no one has registered yet. */
    public static String uniqueEmail() {
        return "e2e-" + HexFormat.of().formatHex(RANDOM.generateSeed(8)) + "@livedrop.test";
    }
}
