package io.livedrop.catalog.room;

import io.livedrop.common.admission.AdmissionTokens;
import io.livedrop.common.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WaitingRoomProperties.class)
class WaitingRoomConfiguration {

    @Bean
    RoomStore roomStore(
            StringRedisTemplate redis,
            @Value("${livedrop.redis.key-prefix}") String keyPrefix,
            WaitingRoomProperties properties) {
        return new RoomStore(redis, keyPrefix, properties);
    }

    @Bean
    RoomDrops roomDrops(JdbcClient jdbc) {
        return new RoomDrops(jdbc);
    }

    @Bean
    Tickets tickets(AdmissionTokens tokens, WaitingRoomProperties properties) {
        return new Tickets(tokens, properties);
    }

    @Bean
    WaitingRoom waitingRoom(
            RoomDrops drops, RoomStore store, Tickets tickets, WaitingRoomProperties properties, Clock clock) {
        return new WaitingRoom(drops, store, tickets, properties, clock);
    }

    @Bean
    QueueAnnouncer queueAnnouncer(
            RoomStore store,
            Tickets tickets,
            KafkaTemplate<String, String> kafka,
            EventCodec codec,
            @Value("${spring.application.name}") String source,
            WaitingRoomProperties properties,
            Clock clock) {
        return new QueueAnnouncer(store, tickets, kafka, codec, source, properties, clock);
    }

    @Bean
    RoomMetrics roomMetrics(MeterRegistry meters) {
        return new RoomMetrics(meters);
    }

    @Bean
    AdmissionLoop admissionLoop(
            RoomDrops drops,
            RoomStore store,
            QueueAnnouncer announcer,
            RoomMetrics metrics,
            WaitingRoomProperties properties,
            Clock clock) {
        return new AdmissionLoop(drops, store, announcer, metrics, properties, clock);
    }
}
