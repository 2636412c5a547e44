package io.livedrop.catalog.config;

import io.livedrop.catalog.room.application.AdmissionService;
import io.livedrop.catalog.room.application.QueueUpdateService;
import io.livedrop.catalog.room.application.RoomMetrics;
import io.livedrop.catalog.room.application.TicketService;
import io.livedrop.catalog.room.application.WaitingRoomProperties;
import io.livedrop.catalog.room.application.WaitingRoomService;
import io.livedrop.catalog.room.persistence.RoomDropRepository;
import io.livedrop.catalog.room.persistence.RoomRepository;
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
    RoomRepository roomStore(
            StringRedisTemplate redis,
            @Value("${livedrop.redis.key-prefix}") String keyPrefix,
            WaitingRoomProperties properties) {
        return new RoomRepository(
                redis, keyPrefix, properties.rateWindow(), properties.activeShoppers(), properties.updateInterval());
    }

    @Bean
    RoomDropRepository roomDrops(JdbcClient jdbc) {
        return new RoomDropRepository(jdbc);
    }

    @Bean
    TicketService tickets(AdmissionTokens tokens, WaitingRoomProperties properties) {
        return new TicketService(tokens, properties);
    }

    @Bean
    WaitingRoomService waitingRoom(
            RoomDropRepository drops,
            RoomRepository store,
            TicketService tickets,
            WaitingRoomProperties properties,
            Clock clock) {
        return new WaitingRoomService(drops, store, tickets, properties, clock);
    }

    @Bean
    QueueUpdateService queueAnnouncer(
            RoomRepository store,
            TicketService tickets,
            KafkaTemplate<String, String> kafka,
            EventCodec codec,
            @Value("${spring.application.name}") String source,
            WaitingRoomProperties properties,
            Clock clock) {
        return new QueueUpdateService(store, tickets, kafka, codec, source, properties, clock);
    }

    @Bean
    RoomMetrics roomMetrics(MeterRegistry meters) {
        return new RoomMetrics(meters);
    }

    @Bean
    AdmissionService admissionService(
            RoomDropRepository drops,
            RoomRepository store,
            QueueUpdateService announcer,
            RoomMetrics metrics,
            WaitingRoomProperties properties,
            Clock clock) {
        return new AdmissionService(drops, store, announcer, metrics, properties, clock);
    }
}
