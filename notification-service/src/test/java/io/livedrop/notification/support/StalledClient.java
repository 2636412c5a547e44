package io.livedrop.notification.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A client that opens a realtime stream and then stops reading, like a phone that went into a
 * tunnel: a real TCP connection with a tiny receive window, so the server's writes to it block once
 * a few kilobytes are in flight.
 */
public final class StalledClient implements AutoCloseable {

    private final Socket socket;
    private final String responseHead;

    private StalledClient(Socket socket, String request) {
        this.socket = socket;
        try {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            this.responseHead = readHead(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes a WebSocket handshake on {@code /ws}, then reads nothing more. */
    public static StalledClient webSocket(int port, String token) {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return new StalledClient(
                open(port),
                "GET /ws?token=" + token + " HTTP/1.1\r\n"
                        + "Host: localhost:" + port + "\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n");
    }

    /** Opens {@code /api/realtime/sse}, reads the response head, then reads nothing more. */
    public static StalledClient sse(int port, String token) {
        return new StalledClient(
                open(port),
                "GET /api/realtime/sse?token=" + token + " HTTP/1.1\r\n"
                        + "Host: localhost:" + port + "\r\n"
                        + "Accept: text/event-stream\r\n\r\n");
    }

    /** The status line and headers the server answered with. */
    public String responseHead() {
        return responseHead;
    }

    private static Socket open(int port) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(1024); // before connect: the window the server may fill
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
