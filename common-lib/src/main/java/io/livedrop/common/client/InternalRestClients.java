package io.livedrop.common.client;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds clients for other services' {@code /internal/**} APIs: a service token on every call, the
 * request id propagated (via the shared {@link RestClient.Builder}), and explicit timeouts so a
 * hanging peer cannot hold our threads. Apache HttpClient's pooled blocking connections: the JDK
 * client started a platform thread per request body and threw an exception per response under a
 * read timeout.
 */
public class InternalRestClients {

    private static final int MAX_CONNECTIONS = 200;

    private static final String LOAD_BALANCED = "lb://";

    private final RestClient.Builder builder;
    private final ServiceTokenProvider tokens;
    private final ObjectProvider<LoadBalancerClient> loadBalancer;

    public InternalRestClients(
            RestClient.Builder builder, ServiceTokenProvider tokens, ObjectProvider<LoadBalancerClient> loadBalancer) {
        this.builder = builder;
        this.tokens = tokens;
        this.loadBalancer = loadBalancer;
    }

    public RestClient create(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        var requestFactory = new HttpComponentsClientHttpRequestFactory(pooledClient(connectTimeout, readTimeout));
        requestFactory.setConnectionRequestTimeout(connectTimeout);
        requestFactory.setReadTimeout(readTimeout);
        RestClient.Builder client = builder.clone()
                .requestFactory(requestFactory)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(tokens.token());
                    return execution.execute(request, body);
                });
        return loadBalanced(client, baseUrl).build();
    }

    /**
     * {@code lb://<service>}: every call goes to one of the service's instances (Spring Cloud
     * LoadBalancer, round robin over {@code spring.cloud.discovery.client.simple.instances}); a call
     * to an instance that is down fails like any unreachable peer, and the caller's retry (same ids)
     * picks the next. Any other URL is called as it is.
     */
    private RestClient.Builder loadBalanced(RestClient.Builder client, String baseUrl) {
        if (!baseUrl.startsWith(LOAD_BALANCED)) {
            return client.baseUrl(baseUrl);
        }
        return client.baseUrl("http://" + baseUrl.substring(LOAD_BALANCED.length()))
                .requestInterceptor(new LoadBalancerInterceptor(loadBalancer.getObject()));
    }

    /**
     * Kept-alive connections to one peer. Idle ones are checked before reuse and closed well before
     * the peer's keep-alive timeout; only a pooled connection the peer had closed is retried (see
     * {@link StaleConnectionRetry}).
     */
    private static CloseableHttpClient pooledClient(Duration connectTimeout, Duration readTimeout) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .evictIdleConnections(TimeValue.ofSeconds(10))
                .setRetryStrategy(new StaleConnectionRetry())
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    /** A declarative {@code @HttpExchange} client over {@link #create}. */
    public <T> T createClient(
            Class<T> exchangeInterface, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        RestClient client = create(baseUrl, connectTimeout, readTimeout);
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(exchangeInterface);
    }

    /**
     * One retry, on a fresh connection, of a request whose pooled connection turned out to be closed by
     * the peer (a restart): no response at all ({@code NoHttpResponseException}) — never after a
     * timeout, a refused connection or any status code, which stay the caller's to judge. Every
     * internal call is idempotent by the ids it carries (reservation, order, payment), as the saga's
     * own retries already require.
     */
    static final class StaleConnectionRetry extends DefaultHttpRequestRetryStrategy {

        StaleConnectionRetry() {
            super(
                    1,
                    TimeValue.ZERO_MILLISECONDS,
                    List.of(
                            InterruptedIOException.class,
                            UnknownHostException.class,
                            ConnectException.class,
                            ConnectionClosedException.class,
                            NoRouteToHostException.class,
                            SSLException.class),
                    List.of());
        }

        @Override
        protected boolean handleAsIdempotent(HttpRequest request) {
            return true;
        }
    }
}
