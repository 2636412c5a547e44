package io.livedrop.common.client;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
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

    private final RestClient.Builder builder;
    private final ServiceTokenProvider tokens;

    public InternalRestClients(RestClient.Builder builder, ServiceTokenProvider tokens) {
        this.builder = builder;
        this.tokens = tokens;
    }

    public RestClient create(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        var requestFactory = new HttpComponentsClientHttpRequestFactory(pooledClient(connectTimeout, readTimeout));
        requestFactory.setConnectionRequestTimeout(connectTimeout);
        requestFactory.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requestFactory)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(tokens.token());
                    return execution.execute(request, body);
                })
                .build();
    }

    /**
     * Kept-alive connections to one peer. Idle ones are checked before reuse and closed well before
     * the peer's keep-alive timeout; nothing is retried here: a retry of a POST is the caller's
     * decision (it knows the idempotency key and whether the call may have arrived).
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
                .disableAutomaticRetries()
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
}
