package dev.beacon.server;

import dev.beacon.edge.SecurityHeaders;
import dev.beacon.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.memory.Buffers;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A whole problem+json answer written straight to a connection, which then closes: for requests the edge refuses
 * before Grizzly's HTTP server has a request and a response for them (a malformed request line, a body over the limit
 * or too slow). Closing is the only safe end: the rest of such a request (its body) is never read.
 */
final class EdgeAnswer {

    private EdgeAnswer() {
    }

    static void problem(Connection<?> connection, int status, String detail) {
        problem(connection, status, detail, Map.of());
    }

    static void problem(Connection<?> connection, int status, String detail, Map<String, String> headers) {
        byte[] body = String.valueOf(Problem.response(status, detail).getEntity()).getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(reason(status)).append("\r\n");
        header(head, "Content-Type", Problem.MEDIA_TYPE);
        header(head, "Content-Length", Integer.toString(body.length));
        header(head, "Connection", "close");
        SecurityHeaders.HEADERS.forEach((name, value) -> header(head, name, value));
        headers.forEach((name, value) -> header(head, name, value));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[start.length + body.length];
        System.arraycopy(start, 0, whole, 0, start.length);
        System.arraycopy(body, 0, whole, start.length, body.length);
        if (write(connection, whole)) {
            connection.closeSilently(); // once what is queued is written
        }
    }

    /** Queues bytes on the connection as they are, past the filter chain; false if it has closed. */
    @SuppressWarnings("unchecked")
    static boolean write(Connection<?> connection, byte[] bytes) {
        Connection<SocketAddress> open = (Connection<SocketAddress>) connection;
        if (!open.isOpen()) {
            return false;
        }
        AsyncQueueWriter<SocketAddress> writer = (AsyncQueueWriter<SocketAddress>) open.getTransport().getWriter(false);
        writer.write(open, Buffers.wrap(open.getMemoryManager(), bytes), null);
        return true;
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 431 ? "Request Header Fields Too Large" : "Error";
    }
}
