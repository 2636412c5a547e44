package io.livedrop.common.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not do: declare a huge {@code
 * Content-Length} and send no body, or stream a chunked body that never ends. Both prove that a server
 * answers a too-large request <em>without</em> reading the whole body: if it waited for the body, no
 * answer would come before {@link #PATIENCE} and {@link Answer#status()} would be -1.
 */
public final class RawHttp {

    public static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        Arrays.fill(FILLER, (byte) 'a');
    }

    private RawHttp() {}

    /** What came back; status -1 if nothing did in time. {@code bodyBytesSent} counts what we had sent. */
    public record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body + " (sent " + bodyBytesSent + " body bytes)";
        }
    }

    /**
     * Sends the head with {@code Content-Length: declaredLength} and only the first bytes of {@code
     * bodyPrefix} (never the rest), then waits for the answer.
     */
    public static Answer declaredLength(
            int port, String method, String path, Map<String, String> headers, long declaredLength, String bodyPrefix) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", Long.toString(declaredLength));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, all));
            byte[] prefix = bodyPrefix.getBytes(StandardCharsets.UTF_8);
            out.write(prefix);
            out.flush();
            return read(socket.getInputStream(), prefix.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams a chunked body: {@code bodyPrefix}, then filler bytes in 64 KiB chunks until {@code
     * bytesBeforePause} were sent, then sends nothing more (no last chunk) until the answer came or
     * {@link #PATIENCE} ran out. A server that refuses as soon as the limit is passed answers; one that
     * wants the whole body does not.
     */
    public static Answer chunkedWithoutEnd(
            int port,
            String method,
            String path,
            Map<String, String> headers,
            String bodyPrefix,
            long bytesBeforePause) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        AtomicLong sent = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(1);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, all));
            out.flush();
            Thread.ofVirtual().start(() -> {
                try {
                    writeChunk(out, bodyPrefix.getBytes(StandardCharsets.UTF_8), sent);
                    while (sent.get() < bytesBeforePause && answered.getCount() > 0) {
                        int n = (int) Math.min(FILLER.length, bytesBeforePause - sent.get());
                        writeChunk(out, Arrays.copyOf(FILLER, n), sent);
                    }
                    out.flush();
                    answered.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (IOException | InterruptedException stopped) {
                    // the server closed the connection after answering: expected
                }
            });
            Answer answer = read(socket.getInputStream(), -1);
            answered.countDown();
            // a writer blocked on a full socket buffer ends when the socket closes below
            return new Answer(answer.status(), answer.headers(), answer.body(), sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            answered.countDown();
        }
    }

    /** Sends {@code body} as one complete chunked body (chunks of 64 KiB and the last chunk). */
    public static Answer chunked(int port, String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, all));
            for (int offset = 0; offset < body.length; offset += FILLER.length) {
                writeChunk(out, Arrays.copyOfRange(body, offset, Math.min(body.length, offset + FILLER.length)), sent);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream(), sent.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeChunk(OutputStream out, byte[] data, AtomicLong sent) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        sent.addAndGet(data.length);
    }

    private static byte[] head(String method, String path, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Status line, headers and body (by Content-Length, chunked, or until the server closes). */
    private static Answer read(InputStream in, long bodyBytesSent) throws IOException {
        try {
            String statusLine = line(in);
            if (statusLine == null) {
                return new Answer(-1, Map.of(), "", bodyBytesSent);
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else {
                body.write(in.readAllBytes());
            }
            return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), bodyBytesSent);
        } catch (SocketTimeoutException noAnswer) {
            return new Answer(-1, Map.of(), "", bodyBytesSent);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
