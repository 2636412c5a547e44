package io.livedrop.catalog.creator.web;

import io.livedrop.catalog.browse.web.HttpUrl;
import io.livedrop.catalog.browse.web.Patterns;
import io.livedrop.catalog.creator.domain.CreatorProfile;
import io.livedrop.common.web.FreeText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/creators/me}: absent (or null) fields stay unchanged; an empty {@code bio}
 * or {@code profileImageUrl} clears it.
 */
public record UpdateCreatorRequest(
        @Pattern(regexp = HANDLE, message = HANDLE_MESSAGE) String handle,

        @Size(min = 1, max = 100) @Pattern(regexp = Patterns.NOT_BLANK, message = "must not be blank")
        String displayName,

        @Size(max = 1000) @FreeText String bio,
        @Size(max = 2048) @HttpUrl String profileImageUrl) {

    static final String HANDLE = "[A-Za-z0-9_]{3,30}";
    static final String HANDLE_MESSAGE = "must be 3-30 characters: letters, digits or underscores";

    CreatorProfile toProfile() {
        return new CreatorProfile(handle, displayName, bio, profileImageUrl);
    }
}
