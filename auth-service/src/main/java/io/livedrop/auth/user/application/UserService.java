package io.livedrop.auth.user.application;

import io.livedrop.auth.user.domain.UserAccount;
import io.livedrop.auth.user.persistence.UserRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reading users and keeping their {@code creator} flag (sign-up and sign-in are SessionService's). */
@Service
public class UserService {

    private final UserRepository users;

    public UserService(UserRepository users) {
        this.users = users;
    }

    public Optional<UserAccount> findById(UUID id) {
        return users.findById(id);
    }

    /** @return whether the user exists (the flag is set either way afterwards) */
    public boolean markCreator(UUID id) {
        return users.markCreator(id);
    }
}
