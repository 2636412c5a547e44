package io.livedrop.catalog.creator.web;

import io.livedrop.catalog.browse.web.HttpUrl;
import io.livedrop.catalog.creator.domain.CreatorProfile;
import io.livedrop.common.web.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/creators}. */
public record BecomeCreatorRequest(
        @NotNull @Pattern(regexp = UpdateCreatorRequest.HANDLE, message = UpdateCreatorRequest.HANDLE_MESSAGE)
        String handle,

        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 1000) @FreeText String bio,
        @Size(max = 2048) @HttpUrl String profileImageUrl) {

    CreatorProfile toProfile() {
        return new CreatorProfile(handle, displayName, bio, profileImageUrl);
    }
}
