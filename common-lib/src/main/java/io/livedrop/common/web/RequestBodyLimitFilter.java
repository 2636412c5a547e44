package io.livedrop.common.web;

import io.livedrop.common.error.ErrorCode;
import io.livedrop.common.error.PayloadTooLargeException;
import io.livedrop.common.error.Problems;
import io.livedrop.common.error.ServletProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the request body of a servlet service (API.md: over 1 MiB → 413 {@code PAYLOAD_TOO_LARGE}).
 * A {@code Content-Length} over the limit is refused before a byte of the body is read; a body without
 * one (chunked) is read through a counting stream that fails once it passes the limit, so the JSON
 * parser never sees more than limit + one buffer. Tomcat closes the connection after a 413, so the rest
 * of the body is not read either.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ServletProblemWriter problems;

    public RequestBodyLimitFilter(long limit, ServletProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(
                    response,
                    Problems.of(
                            ErrorCode.PAYLOAD_TOO_LARGE,
                            RequestLimitsProperties.tooLargeDetail(limit),
                            request.getRequestURI()));
            return;
        }
        // with a Content-Length within the limit the container never delivers more than it declared
        chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, limit), response);
    }

    /** The request with its body read through a {@link LimitedInputStream}. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts what is read and fails with {@link PayloadTooLargeException} once it passes the limit. */
    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
