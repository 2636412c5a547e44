package io.livedrop.catalog.room.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs an {@link AdmissionService#pass()} every {@code livedrop.catalog.waiting-room.admission-interval}
 * (a fixed delay: passes never overlap on one instance), on instances with {@code admission-enabled}
 * (any number may). A failed pass (Redis or the database briefly away) is logged and the next one runs
 * on time.
 */
@Component
@ConditionalOnBooleanProperty(name = "livedrop.catalog.waiting-room.admission-enabled", matchIfMissing = true)
class AdmissionScheduler {

    private static final Logger log = LoggerFactory.getLogger(AdmissionScheduler.class);

    private final AdmissionService admission;

    AdmissionScheduler(AdmissionService admission) {
        this.admission = admission;
    }

    @Scheduled(fixedDelayString = "${livedrop.catalog.waiting-room.admission-interval:250ms}")
    void admit() {
        try {
            admission.pass();
        } catch (RuntimeException e) {
            log.warn("Waiting room admission pass failed, retrying: {}", e.getMessage());
        }
    }
}
