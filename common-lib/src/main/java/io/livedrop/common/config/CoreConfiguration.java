package io.livedrop.common.config;

import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.events.EventCodec;
import io.livedrop.common.pagination.CursorCodec;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Beans every service uses: the clock, cursor signing, admission tokens and the event codec. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class CoreConfiguration {

    /**
     * The one clock of a service. It ticks in microseconds, PostgreSQL's precision, so an instant
     * read back from a {@code timestamptz} equals the one that was stored and no caller truncates.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Only in the services that set {@code livedrop.cursor.secret} (catalog, follower, notification, order). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("livedrop.cursor.secret")
    CursorCodec cursorCodec(@Value("${livedrop.cursor.secret}") String secret) {
        return new CursorCodec(secret);
    }

    /** Only in the services that set {@code livedrop.admission.secret} (catalog issues, order checks). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("livedrop.admission.secret")
    AdmissionTokens admissionTokens(@Value("${livedrop.admission.secret}") String secret, Clock clock) {
        return new AdmissionTokens(secret, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper jsonMapper) {
        return new EventCodec(jsonMapper);
    }
}
