package io.livedrop.auth.token.application;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The signing keys' schedule: every {@code reload-interval} this instance re-reads the keys (to see
 * another instance's rotation), every {@code rotation-check-interval} it schedules a successor when
 * the newest key is due.
 */
@Component
class SigningKeyScheduler {

    private final SigningKeyService keys;
    private final KeyRotationService rotation;

    SigningKeyScheduler(SigningKeyService keys, KeyRotationService rotation) {
        this.keys = keys;
        this.rotation = rotation;
    }

    @Scheduled(
            fixedDelayString = "${livedrop.auth.keys.reload-interval}",
            initialDelayString = "${livedrop.auth.keys.reload-interval}")
    void reloadKeys() {
        keys.reload();
    }

    @Scheduled(
            fixedDelayString = "${livedrop.auth.keys.rotation-check-interval}",
            initialDelayString = "${livedrop.auth.keys.rotation-check-interval}")
    void rotateIfDue() {
        rotation.rotateIfDue();
    }
}
