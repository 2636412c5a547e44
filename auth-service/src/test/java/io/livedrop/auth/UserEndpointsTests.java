package io.livedrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.common.ids.Ids;
import org.junit.jupiter.api.Test;

class UserEndpointsTests extends AuthIntegrationTest {

    @Test
    void meAnswersTheCallersAccount() {
        var account = api.register();

        var me = api.get("/api/users/me", account.accessToken());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(account.id());
        assertThat(me.text("email")).isEqualTo(account.email());
        assertThat(me.text("name")).isEqualTo(account.name());
        assertThat(me.text("createdAt")).endsWith("Z");
        assertThat(me.body().path("creator").isBoolean()).isTrue();
        assertThat(me.body().propertyNames()).containsExactlyInAnyOrder("id", "email", "name", "createdAt", "creator");
    }

    @Test
    void meNeedsAToken() {
        var me = api.get("/api/users/me", null);

        // not shadowed by the public /api/users/{id}: 401, not 404 for a user called "me"
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(me.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void publicProfileHasNoEmail() {
        var account = api.register();

        var profile = api.get("/api/users/" + account.id(), null);

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body().propertyNames()).containsExactlyInAnyOrder("id", "name", "createdAt");
        assertThat(profile.text("id")).isEqualTo(account.id());
        assertThat(profile.text("name")).isEqualTo(account.name());
        assertThat(profile.raw()).doesNotContain(account.email());
    }

    @Test
    void publicProfileIsAlsoServedToSignedInUsers() {
        var account = api.register();
        var other = api.register();

        assertThat(api.get("/api/users/" + account.id(), other.accessToken()).status())
                .isEqualTo(200);
    }

    @Test
    void unknownUserIsNotFound() {
        var response = api.get("/api/users/" + Ids.newId(), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("USER_NOT_FOUND");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void malformedIdIsNotFound() {
        var response = api.get("/api/users/not-a-uuid", null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("USER_NOT_FOUND");
    }
}
