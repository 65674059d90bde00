package dev.beacon.testing;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests written byte for byte onto a socket, as an attacker writes them (a client library would refuse or repair
 * most of them), and the answer read to the end of the connection. Every request the helpers build asks for the
 * connection to close, so nothing of it stays open afterwards.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** A connection to the server, with nothing sent yet. */
    public static RawHttp connect(Endpoint server) {
        try {
            Socket socket = new Socket();
            URI uri = server.api("");
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout((int) (EventRecorder.TIMEOUT_SECONDS * 1000));
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the bytes as they are and reads the whole answer. */
    public static Answer exchange(Endpoint server, String request) {
        try (RawHttp connection = connect(server)) {
            connection.send(request);
            return connection.answer();
        }
    }

    /** {@code METHOD target} with a Host header, the given header lines and {@code Connection: close}. */
    public static String request(String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    public void send(String bytes) {
        send(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True while the server has not closed the connection (a write to it still goes through). */
    public boolean trySend(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The answer: up to its {@code Content-Length}, its last chunk, or else the end of the connection (an answer that
     * closes it, a HEAD's headers).
     */
    public Answer answer() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int read;
            while (!Answer.isWhole(all.toString(StandardCharsets.ISO_8859_1)) && (read = in.read(buffer)) >= 0) {
                all.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server did not end the answer within " + EventRecorder.TIMEOUT_SECONDS
                    + " s; got: " + all.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // a reset after the answer: what arrived is the answer
        }
        return Answer.parse(all.toString(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer; a 100 Continue before it is skipped. */
    public record Answer(int status, Map<String, String> headers, String body, String raw) {

        /** True once the bytes hold a whole answer whose end is known without the connection closing. */
        static boolean isWhole(String raw) {
            String rest = raw;
            while (rest.startsWith("HTTP/1.1 100") && rest.contains("\r\n\r\n")) {
                rest = rest.substring(rest.indexOf("\r\n\r\n") + 4);
            }
            int end = rest.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            String head = rest.substring(0, end).toLowerCase(Locale.ROOT);
            if (head.startsWith("http/1.1 100")) {
                return false;
            }
            int length = head.indexOf("\r\ncontent-length:");
            if (length >= 0 && !head.contains("\r\ntransfer-encoding: chunked")) {
                int valueEnd = head.indexOf("\r\n", length + 2);
                String value = head.substring(length + 17, valueEnd < 0 ? head.length() : valueEnd).trim();
                return rest.length() - end - 4 >= Long.parseLong(value);
            }
            return head.contains("\r\ntransfer-encoding: chunked") && rest.endsWith("\r\n0\r\n\r\n");
        }

        static Answer parse(String raw) {
            String rest = raw;
            while (rest.startsWith("HTTP/1.1 100")) {
                rest = rest.substring(rest.indexOf("\r\n\r\n") + 4);
            }
            int end = rest.indexOf("\r\n\r\n");
            if (!rest.startsWith("HTTP/1.") || end < 0) {
                throw new AssertionError("Not an HTTP answer: '" + raw + "'");
            }
            String[] lines = rest.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = rest.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            // Read as bytes (ISO-8859-1) so chunk sizes count bytes; the body itself is UTF-8.
            body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body, raw);
        }

        private static String unchunked(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A 2xx answer. */
        public Answer assertOk() {
            assertTrue(status >= 200 && status < 300, raw);
            return this;
        }

        /** The status, as problem+json whose detail mentions {@code detailPart}, and nothing of a stack trace. */
        public Answer assertProblem(int expected, String detailPart) {
            assertEquals(expected, status, raw);
            assertEquals("application/problem+json", String.valueOf(header("Content-Type")).split(";")[0], raw);
            JsonObject problem = Http.json(body);
            assertEquals(expected, problem.getInt("status"), raw);
            if (detailPart != null) {
                assertTrue(problem.getString("detail", "").contains(detailPart), "detail should mention '"
                        + detailPart + "': " + body);
            }
            assertFalse(body.contains("Exception") || body.contains("\tat "), "no stack trace: " + body);
            return this;
        }
    }
}
