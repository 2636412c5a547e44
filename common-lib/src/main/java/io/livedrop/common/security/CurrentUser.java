package io.livedrop.common.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** The signed-in user, if any: for public endpoints whose answer depends on who asks. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<AuthenticatedUser> find() {
        Authentication authentication = AuthenticatedUserResolver.current();
        boolean isUser = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(Scopes.authority(Scopes.USER)));
        String subject = AuthenticatedUserResolver.subjectOf(authentication);
        return isUser && subject != null ? Optional.of(new AuthenticatedUser(subject)) : Optional.empty();
    }
}
