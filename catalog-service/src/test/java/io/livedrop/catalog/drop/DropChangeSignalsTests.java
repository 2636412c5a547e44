package io.livedrop.catalog.drop;

import static org.assertj.core.api.Assertions.assertThat;

import io.livedrop.catalog.CatalogIntegrationTest;
import io.livedrop.catalog.drop.application.DropService;
import io.livedrop.catalog.support.CatalogApi.User;
import io.livedrop.catalog.support.DropRows;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stock report catalog applies is announced on {@code <prefix>drop-updates:<dropId>} with the drop's
 * fresh public JSON, after the commit: what the gateway's {@code dropUpdates} subscription forwards.
 */
class DropChangeSignalsTests extends CatalogIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DropService drops;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RedisConnectionFactory redis;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private RedisMessageListenerContainer listener;
    private String dropId;

    @BeforeEach
    void aLiveDropAndAListener() throws InterruptedException {
        User creator = api.newCreator();
        String productId = api.createProduct(creator, "Signal me").path("id").asString();
        Instant now = Instant.now();
        dropId = new DropRows(jdbc).insert(creator.id(), productId, now.minusSeconds(60), now.plusSeconds(3600));
        listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(redis);
        listener.addMessageListener(
                (message, pattern) -> received.add(new String(message.getBody())),
                ChannelTopic.of(keyPrefix + "drop-updates:" + dropId));
        listener.afterPropertiesSet();
        listener.start();
        Thread.sleep(Duration.ofMillis(300)); // the SUBSCRIBE is asynchronous
    }

    @AfterEach
    void stopListening() {
        listener.stop();
    }

    @Test
    void aStockReportIsAnnouncedWithTheDropsFreshJson() throws InterruptedException {
        transactions.executeWithoutResult(status -> drops.stockReported(dropId, 7, Instant.now(), UUID.randomUUID()));

        String message = received.poll(5, TimeUnit.SECONDS);

        assertThat(message).isNotNull();
        JsonNode drop = JSON.readTree(message);
        assertThat(drop.path("id").asString()).isEqualTo(dropId);
        assertThat(drop.path("available").asInt()).isEqualTo(7);
        assertThat(drop.path("status").asString()).isEqualTo("live");
    }

    @Test
    void aSellOutIsAnnouncedAsSoldOut() throws InterruptedException {
        transactions.executeWithoutResult(status -> drops.stockReported(dropId, 0, Instant.now(), UUID.randomUUID()));

        JsonNode drop = JSON.readTree(received.poll(5, TimeUnit.SECONDS));

        assertThat(drop.path("soldOut").asBoolean()).isTrue();
    }
}
