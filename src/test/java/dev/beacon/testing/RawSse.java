package dev.beacon.testing;

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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.1 stream read byte by byte from a socket, for asserting the exact framing on the wire. The chunked
 * transfer coding is taken off, so {@link #body()} is what an EventSource parses.
 */
public final class RawSse implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean headDone;
    private boolean chunked;
    private long chunkLeft = -1;
    private boolean lastChunk;

    private RawSse(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Sends a GET with the given extra header lines (each "Name: value"). */
    public static RawSse get(Endpoint server, String apiPath, String... headers) {
        return get(server, apiPath, 0, headers);
    }

    /** With a receive buffer size (0 for the default): a small one makes a stalled reader fill up quickly. */
    public static RawSse get(Endpoint server, String apiPath, int receiveBuffer, String... headers) {
        URI uri = server.api(apiPath);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                + "Accept: text/event-stream\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        return send(server, receiveBuffer, request.toString());
    }

    /** Sends {@code request} exactly as given (request line, headers, blank line) and reads the answer. */
    public static RawSse send(Endpoint server, String request) {
        return send(server, 0, request);
    }

    private static RawSse send(Endpoint server, int receiveBuffer, String request) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            URI uri = server.api("");
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout((int) Duration.ofSeconds(EventRecorder.TIMEOUT_SECONDS).toMillis());
            RawSse sse = new RawSse(socket);
            sse.write(request);
            return sse;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends more bytes on the connection, after the request. */
    public void write(String bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the chunked body's last chunk (size 0) has arrived: the server ended the response properly. */
    public boolean sawLastChunk() {
        return lastChunk;
    }

    /** The status line and headers, once they have arrived. */
    public String head() {
        while (!headDone) {
            readByte();
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads until the body ends with {@code suffix}; answers the whole body so far. Fails after
     * {@link EventRecorder#TIMEOUT_SECONDS} in all, even while heartbeats keep arriving.
     */
    public String readUntil(String suffix) {
        return readUntil(suffix, 0);
    }

    /** Like {@link #readUntil(String)}, once the body is longer than {@code minLength}. */
    private String readUntil(String suffix, int minLength) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventRecorder.TIMEOUT_SECONDS);
        head();
        while (body.size() <= minLength || !body().endsWith(suffix)) {
            if (!readBodyByte()) {
                throw new AssertionError("Stream ended before '" + suffix + "'; got: " + body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No '" + suffix + "' within " + EventRecorder.TIMEOUT_SECONDS
                        + " s; got: " + body());
            }
        }
        return body();
    }

    /** How every stream begins: a comment, so the client and every proxy see the response start at once. */
    public static final String OPENING = ": beacon stream open\n\n";
    private static final Pattern POSITION = Pattern.compile(Pattern.quote(OPENING) + "id: (\\d+)\n\n");

    /** The beginning of a hub stream whose subscription is current up to {@code position}. */
    public static String opening(long position) {
        return OPENING + "id: " + position + "\n\n";
    }

    /** The position a hub stream's body opened with. */
    public static long positionOf(String body) {
        Matcher matcher = POSITION.matcher(body);
        if (!matcher.lookingAt()) {
            throw new AssertionError("The stream did not open with a comment and its position: " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Reads a hub stream's beginning, the opening comment and the id-only event that gives the subscription's
     * position, and answers that position; fails if the stream begins any other way.
     */
    public long readOpening() {
        readUntil(OPENING);
        String body = readUntil("\n\n", OPENING.length() + 1);
        Matcher matcher = POSITION.matcher(body);
        if (!matcher.matches()) {
            throw new AssertionError("The stream did not open with a comment and its position: " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Reads until the body holds {@code text} at least {@code count} times (heartbeats that keep coming, say), within
     * {@link EventRecorder#TIMEOUT_SECONDS}; answers the whole body.
     */
    public String readUntilTimes(String text, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(EventRecorder.TIMEOUT_SECONDS);
        head();
        while (body().split(java.util.regex.Pattern.quote(text), -1).length - 1 < count) {
            if (!readBodyByte()) {
                throw new AssertionError("Stream ended before " + count + " times '" + text + "'; got: " + body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not " + count + " times '" + text + "' within "
                        + EventRecorder.TIMEOUT_SECONDS + " s; got: " + body());
            }
        }
        return body();
    }

    /** Reads until the stream ends (the server closed it); answers the whole body. */
    public String readToEnd() {
        head();
        while (readBodyByte()) {
            // keep reading
        }
        return body();
    }

    /** The body without its heartbeat comments, which may fall anywhere between events. */
    public static String withoutHeartbeats(String body) {
        return body.replace(": heartbeat\n\n", "");
    }

    public String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    private boolean readBodyByte() {
        if (!chunked) {
            int b = readByte();
            if (b < 0) {
                return false;
            }
            body.write(b);
            return true;
        }
        if (chunkLeft <= 0) {
            String size = readLine();
            if (chunkLeft == 0 && size.isEmpty()) {
                size = readLine(); // the CRLF after the previous chunk
            }
            if (size == null) {
                return false;
            }
            chunkLeft = Long.parseLong(size.trim(), 16);
            if (chunkLeft == 0) {
                lastChunk = true;
                return false;
            }
        }
        int b = readByte();
        if (b < 0) {
            return false;
        }
        body.write(b);
        chunkLeft--;
        return true;
    }

    private String readLine() {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = readByte()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return b < 0 && line.length() == 0 ? null : line.toString();
    }

    private int readByte() {
        try {
            int b = in.read();
            if (!headDone && b >= 0) {
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    headDone = true;
                    chunked = text.toLowerCase().contains("transfer-encoding: chunked");
                }
            }
            return b;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("Nothing more arrived within " + EventRecorder.TIMEOUT_SECONDS
                    + " s; body so far: " + body(), e);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
