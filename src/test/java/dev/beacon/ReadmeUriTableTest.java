package dev.beacon;

import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the README's URI table true: every row is requested with its method, and the server must know the route
 * (anything but 404 and 405; a 4xx for a missing body still proves the route is there).
 */
class ReadmeUriTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE) \\| `([^`]+)` \\|");
    /** Placeholders in the table and what a request puts in their place. */
    private static final Map<String, String> PLACEHOLDERS = Map.of("{topic}", "readme", "{id}", "1");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        new Http(server).published("readme", null, "so the topic exists");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteInTheReadmeExists() throws IOException {
        List<String[]> rows = rows();
        assertFalse(rows.isEmpty(), "the README has a URI table");
        for (String[] row : rows) {
            String answer = answer(row[0], substitute(row[1]));
            // A 404 of the resource itself ("no job 1") proves the route; the router's own 404 does not.
            boolean unrouted = answer.startsWith("HTTP/1.1 404") && answer.contains("\"detail\":\"HTTP 404 Not Found\"")
                    || answer.startsWith("HTTP/1.1 405");
            assertFalse(unrouted, row[0] + " " + row[1] + " is in the README but the server answers: " + answer);
        }
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.add(new String[] {row.group(1), row.group(2)});
            }
        }
        return rows;
    }

    private static String substitute(String uri) {
        String path = uri;
        for (Map.Entry<String, String> placeholder : PLACEHOLDERS.entrySet()) {
            path = path.replace(placeholder.getKey(), placeholder.getValue());
        }
        assertFalse(path.contains("{"), "add a substitution for the placeholder in " + uri);
        return path;
    }

    /** The status line, and for a 404 or 405 the whole (short) answer; streams stay open, so no further. */
    private static String answer(String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + TestServer.TOKEN + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1\r\n\r\nx").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder(in.readLine());
            if (answer.toString().matches("HTTP/1.1 40[45].*")) {
                for (String line; (line = in.readLine()) != null; ) {
                    answer.append('\n').append(line);
                }
            }
            return answer.toString();
        }
    }
}
