package io.livedrop.common.web;

import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Carries the current request id on calls to other services, so one id follows a request everywhere. */
public class RequestIdPropagator implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null && !request.getHeaders().containsHeader(RequestIds.HEADER)) {
            request.getHeaders().set(RequestIds.HEADER, requestId);
        }
        return execution.execute(request, body);
    }
}
