package io.livedrop.common.client;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds clients for other services' {@code /internal/**} APIs: a service token on every call, the
 * request id propagated (via the shared {@link RestClient.Builder}), and explicit timeouts so a
 * hanging peer cannot hold our threads.
 */
public class InternalRestClients {

    private final RestClient.Builder builder;
    private final ServiceTokenProvider tokens;

    public InternalRestClients(RestClient.Builder builder, ServiceTokenProvider tokens) {
        this.builder = builder;
        this.tokens = tokens;
    }

    public RestClient create(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        HttpClient httpClient =
                HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
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

    /** A declarative {@code @HttpExchange} client over {@link #create}. */
    public <T> T createClient(
            Class<T> exchangeInterface, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        RestClient client = create(baseUrl, connectTimeout, readTimeout);
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(exchangeInterface);
    }
}
