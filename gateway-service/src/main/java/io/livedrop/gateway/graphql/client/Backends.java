package io.livedrop.gateway.graphql.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.livedrop.common.error.ApiException;
import io.livedrop.common.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * The resolvers' one way to call a service: the caller's token and request id forwarded, the same
 * circuit breaker as the service's REST route (named after the service), a timeout per call, and a
 * counter per service and endpoint ({@code livedrop.gateway.graphql.backend.calls}) so the number of
 * backend calls a query costs can be seen and tested. A service's error answer becomes a {@link
 * BackendProblemException} with its problem code; no answer becomes {@code SERVICE_UNAVAILABLE} or
 * {@code GATEWAY_TIMEOUT}.
 */
public class Backends {

    public static final String CALLS = "livedrop.gateway.graphql.backend.calls";

    private final Map<String, WebClient> clients;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final MeterRegistry meters;
    private final Duration timeout;

    public Backends(
            WebClient.Builder webClients,
            GraphQlProperties properties,
            ReactiveCircuitBreakerFactory<?, ?> breakers,
            MeterRegistry meters,
            ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
        this.clients = properties.backends().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, service -> client(webClients, service.getValue(), loadBalancer)));
        this.breakers = breakers;
        this.meters = meters;
        this.timeout = properties.backendTimeout();
    }

    /**
     * {@code lb://<service>} (several instances on one machine) spreads the calls over the instances,
     * as the routes do; any other URL is called as it is.
     */
    private static WebClient client(
            WebClient.Builder webClients,
            String baseUrl,
            ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
        if (!baseUrl.startsWith("lb://")) {
            return webClients.clone().baseUrl(baseUrl).build();
        }
        return webClients
                .clone()
                .baseUrl("http://" + baseUrl.substring("lb://".length()))
                .filter(loadBalancer.getObject())
                .build();
    }

    public <T> Mono<T> get(
            String service,
            String endpoint,
            Function<UriBuilder, URI> uri,
            Caller caller,
            ParameterizedTypeReference<T> type) {
        return call(service, endpoint, HttpMethod.GET, uri, null, caller, type);
    }

    public <T> Mono<T> get(
            String service, String endpoint, Function<UriBuilder, URI> uri, Caller caller, Class<T> type) {
        return get(service, endpoint, uri, caller, ParameterizedTypeReference.forType(type));
    }

    public <T> Mono<T> call(
            String service,
            String endpoint,
            HttpMethod method,
            Function<UriBuilder, URI> uri,
            Object body,
            Caller caller,
            ParameterizedTypeReference<T> type) {
        WebClient client = clients.get(service);
        if (client == null) {
            return Mono.error(new IllegalStateException("no backend URL for " + service));
        }
        Mono<T> exchange = Mono.defer(() -> {
                    counter(service, endpoint).increment();
                    WebClient.RequestBodySpec request = client.method(method).uri(uri);
                    request.headers(headers -> forward(caller, headers));
                    if (body != null) {
                        request.bodyValue(body);
                    }
                    return request.exchangeToMono(response -> read(response, type));
                })
                .timeout(timeout);
        return breakers.create(service).run(exchange, Backends::unanswered);
    }

    private static void forward(Caller caller, HttpHeaders headers) {
        if (caller.authorization() != null) {
            headers.set(HttpHeaders.AUTHORIZATION, caller.authorization());
        }
        if (caller.requestId() != null) {
            headers.set("X-Request-Id", caller.requestId());
        }
    }

    private static <T> Mono<T> read(ClientResponse response, ParameterizedTypeReference<T> type) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(type);
        }
        int status = response.statusCode().value();
        return response.bodyToMono(Problem.class)
                .onErrorResume(unreadable -> Mono.empty())
                .defaultIfEmpty(new Problem(null, null, null))
                .flatMap(problem -> Mono.error(problem.toException(status)));
    }

    /** The breaker is open, or the service gave no answer in time: not the caller's fault. */
    private static <T> Mono<T> unanswered(Throwable failure) {
        if (failure instanceof BackendProblemException || failure instanceof ApiException) {
            return Mono.error(failure);
        }
        if (failure instanceof TimeoutException) {
            return Mono.error(new ApiException(ErrorCode.GATEWAY_TIMEOUT, "A service did not answer in time"));
        }
        if (failure instanceof CallNotPermittedException || failure instanceof WebClientRequestException) {
            return Mono.error(
                    new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "A service is unavailable; retry shortly"));
        }
        return Mono.error(failure);
    }

    private Counter counter(String service, String endpoint) {
        return Counter.builder(CALLS)
                .tag("service", service)
                .tag("endpoint", endpoint)
                .register(meters);
    }

    /** The fields of a service's problem+json answer the graph passes on. */
    public record Problem(String code, String title, String detail) {

        BackendProblemException toException(int status) {
            String errorCode = code != null ? code : ErrorCode.forStatus(status).name();
            String message = detail != null
                    ? detail
                    : title != null ? title : ErrorCode.forStatus(status).title();
            return new BackendProblemException(status, errorCode, message);
        }
    }
}
