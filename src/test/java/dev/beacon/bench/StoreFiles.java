package dev.beacon.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the file store keeps, as the benchmark sees it: its bytes on disk, and the events the server retains. */
final class StoreFiles {

    private StoreFiles() {
    }

    /** Bytes of the files in the directory (0 if there is none). */
    static long bytes(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** Events the server retains, all topics: the sum of {@code retained} in {@code GET /api/topics}. */
    static long retainedEvents(ServerProcess server) throws IOException, InterruptedException {
        String topics = new String(HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.api("topics")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        Matcher retained = Pattern.compile("\"retained\":(\\d+)").matcher(topics);
        long sum = 0;
        while (retained.find()) {
            sum += Long.parseLong(retained.group(1));
        }
        return sum;
    }
}
