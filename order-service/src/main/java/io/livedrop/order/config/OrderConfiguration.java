package io.livedrop.order.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.livedrop.common.client.InternalRestClients;
import io.livedrop.common.idempotency.IdempotencyConfiguration;
import io.livedrop.common.peer.PeerCalls;
import io.livedrop.common.peer.PeerConfiguration;
import io.livedrop.common.peer.PeerProperties;
import io.livedrop.order.inventory.client.InventoryApi;
import io.livedrop.order.inventory.client.InventoryClient;
import io.livedrop.order.payment.client.PaymentApi;
import io.livedrop.order.payment.client.PaymentClient;
import io.livedrop.order.purchase.application.OrderProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** Clients of inventory- and payment-service (timeouts, circuit breakers), and the saga's jobs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(OrderProperties.class)
@Import({IdempotencyConfiguration.class, PeerConfiguration.class})
class OrderConfiguration {

    static final String INVENTORY = "inventory";
    static final String PAYMENT = "payment";

    @Bean
    InventoryClient inventoryClient(
            InternalRestClients clients, CircuitBreakerRegistry breakers, OrderProperties properties, JsonMapper json) {
        PeerProperties peer = properties.inventory();
        InventoryApi api =
                clients.createClient(InventoryApi.class, peer.url(), peer.connectTimeout(), peer.readTimeout());
        return new InventoryClient(api, PeerCalls.withCircuitBreaker(INVENTORY, peer, breakers, json));
    }

    @Bean
    PaymentClient paymentClient(
            InternalRestClients clients, CircuitBreakerRegistry breakers, OrderProperties properties, JsonMapper json) {
        PeerProperties peer = properties.payment();
        PaymentApi api = clients.createClient(PaymentApi.class, peer.url(), peer.connectTimeout(), peer.readTimeout());
        return new PaymentClient(api, PeerCalls.withCircuitBreaker(PAYMENT, peer, breakers, json));
    }
}
