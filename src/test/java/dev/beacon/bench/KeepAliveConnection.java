package dev.beacon.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive across requests, written and read with plain blocking socket calls: a request
 * goes out in one write, its answer is read by its {@code Content-Length} (or its chunks) and discarded. This is the
 * sequential publisher of the workloads, as an outside load generator would be: the JDK's {@code HttpClient} spent
 * two to three times the server's CPU per request on this two-core machine, so it, not the server, bounded one
 * sequential publisher. A server that closes the connection gets a new one for the next request. (The tests'
 * {@code RawHttp} reads one answer per connection, parsing the whole text on every read: right for attacks, too
 * costly for a load generator.)
 */
final class KeepAliveConnection implements Closeable {

    private final InetSocketAddress address;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI server) {
        this.address = new InetSocketAddress(server.getHost(), server.getPort());
        this.host = server.getHost() + ":" + server.getPort();
    }

    /**
     * Sends a {@code POST} and answers its status.
     *
     * @param headers header lines, each ending in CRLF, besides {@code Host} and {@code Content-Length}
     */
    int post(String rawPath, String headers, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(address, 5_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
        byte[] head = ("POST " + rawPath + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "Content-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        try {
            out.write(request);
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP/1.1 answer: " + statusLine);
        }
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                in.skipNBytes(size);
                line(); // the CRLF after the chunk
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers: none expected, skipped
            }
        } else {
            in.skipNBytes(length);
        }
        if (close) {
            close();
        }
        return Integer.parseInt(parts[1]);
    }

    private long chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** One header line, without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("The server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing to do about it
            }
            socket = null;
        }
    }
}
