package io.livedrop.follower.creator.application;

import io.livedrop.follower.creator.persistence.CreatorRepository;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Keeps the creators that can be followed, as catalog-service announces them ({@code creator.created}). */
@Service
public class CreatorService {

    private final CreatorRepository creators;

    public CreatorService(CreatorRepository creators) {
        this.creators = creators;
    }

    /** Registers a creator; a second announcement of the same creator changes nothing. */
    public boolean register(UUID creatorId, String handle, String displayName) {
        return creators.register(creatorId, handle, displayName);
    }
}
