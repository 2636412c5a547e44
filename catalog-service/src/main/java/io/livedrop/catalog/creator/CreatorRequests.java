package io.livedrop.catalog.creator;

import io.livedrop.catalog.web.HttpUrl;
import io.livedrop.catalog.web.Patterns;
import io.livedrop.common.web.FreeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the creator endpoints. */
final class CreatorRequests {

    static final String HANDLE = "[A-Za-z0-9_]{3,30}";
    static final String HANDLE_MESSAGE = "must be 3-30 characters: letters, digits or underscores";

    private CreatorRequests() {}

    record BecomeCreator(
            @NotNull @Pattern(regexp = HANDLE, message = HANDLE_MESSAGE)
            String handle,

            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 1000) @FreeText String bio,
            @Size(max = 2048) @HttpUrl String profileImageUrl) {}

    /** Absent (or null) fields stay unchanged; an empty {@code bio} or {@code profileImageUrl} clears it. */
    record UpdateCreator(
            @Pattern(regexp = HANDLE, message = HANDLE_MESSAGE)
            String handle,

            @Size(min = 1, max = 100) @Pattern(regexp = Patterns.NOT_BLANK, message = "must not be blank")
            String displayName,

            @Size(max = 1000) @FreeText String bio,
            @Size(max = 2048) @HttpUrl String profileImageUrl) {}
}
