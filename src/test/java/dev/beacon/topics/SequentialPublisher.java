package dev.beacon.topics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12's publish workload against a running Beacon, wherever it runs (embedded, Payara, WildFly): {@code topics}
 * topics with one raw-socket subscriber each (one NIO selector thread), then {@code events} publishes from one
 * sequential publisher on one keep-alive HTTP/1.1 connection (the JDK's client), round-robin over the topics. Prints
 * publishes per second, the server's CPU per publish (when given its PID) and whether every event arrived. Only the
 * JDK is needed, so it runs from its source file:
 *
 * <pre>{@code java src/test/java/dev/beacon/topics/SequentialPublisher.java http://127.0.0.1:8080/api/ TOKEN [PID]
 *     [topics=2000] [events=20000] [warmup=20000]}</pre>
 */
public final class SequentialPublisher {

    private static final String PADDING = "x".repeat(80);
    private static final long CLOCK_TICKS = 100;

    private SequentialPublisher() {
    }

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        String token = args[1];
        long pid = args.length > 2 ? Long.parseLong(args[2]) : -1;
        int topics = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int events = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 20_000;
        String prefix = "seq-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Subscribers subscribers = new Subscribers(api, prefix, topics);
        Thread reader = new Thread(subscribers::run, "subscribers");
        reader.setDaemon(true);
        reader.start();
        subscribers.awaitOpen(Duration.ofSeconds(60));
        publish(client, api, token, prefix, topics, warmup); // the JIT, on both sides
        subscribers.await(warmup, Duration.ofSeconds(120));
        long[] cpu0 = cpuTicks(pid);
        long start = System.nanoTime();
        long failed = publish(client, api, token, prefix, topics, events);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] cpu = cpuTicks(pid);
        long user = cpu[0] - cpu0[0];
        long system = cpu[1] - cpu0[1];
        boolean all = subscribers.await(warmup + (long) events, Duration.ofSeconds(120));
        System.out.printf("%d publishes to %d topics in %.2f s: %.0f publishes/s; %d not 201%s; every event "
                        + "delivered: %s (%d)%n", events, topics, seconds, events / seconds, failed,
                pid < 0 ? "" : String.format("; server CPU per publish %.0f us (%.0f us user, %.0f us system)",
                        (user + system) * 1e6 / CLOCK_TICKS / events, user * 1e6 / CLOCK_TICKS / events,
                        system * 1e6 / CLOCK_TICKS / events),
                all, subscribers.received.get() - warmup);
        System.exit(all && failed == 0 ? 0 : 1);
    }

    /** Sequentially, each publish waiting for its answer: the count of answers other than 201. */
    private static long publish(HttpClient client, URI api, String token, String prefix, int topics, int count)
            throws IOException, InterruptedException {
        long failed = 0;
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(api.resolve("topics/" + prefix + (i % topics) + "/events"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/plain")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("t=" + System.nanoTime() + " " + PADDING))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 201) {
                failed++;
            }
        }
        return failed;
    }

    /** User and system CPU time of a process, in clock ticks. */
    private static long[] cpuTicks(long pid) throws IOException {
        if (pid < 0) {
            return new long[2];
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /** One raw HTTP/1.1 stream per topic on one selector; counts {@code data:} lines, which each event has one of. */
    private static final class Subscribers {

        private static final byte[] MARK = "\ndata: ".getBytes(StandardCharsets.US_ASCII);
        final AtomicLong received = new AtomicLong();
        final AtomicLong open = new AtomicLong();
        private final Selector selector;
        private final int count;

        Subscribers(URI api, String prefix, int count) throws IOException {
            this.selector = Selector.open();
            this.count = count;
            InetSocketAddress address = new InetSocketAddress(api.getHost(), api.getPort());
            List<SocketChannel> channels = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(address);
                channel.write(ByteBuffer.wrap(("GET " + api.getPath() + "streams/" + prefix + i + " HTTP/1.1\r\n"
                        + "Host: " + api.getHost() + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.configureBlocking(false);
                channels.add(channel);
            }
            for (SocketChannel channel : channels) {
                channel.register(selector, SelectionKey.OP_READ, new int[2]);
            }
        }

        void run() {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (true) {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        buffer.clear();
                        if (((SocketChannel) key.channel()).read(buffer) < 0) {
                            key.cancel();
                            continue;
                        }
                        count((int[]) key.attachment(), buffer.flip());
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** state[0]: how much of {@link #MARK} has matched so far (it may span reads); state[1]: 1 once open. */
        private void count(int[] state, ByteBuffer bytes) {
            if (state[1] == 0 && bytes.hasRemaining()) {
                state[1] = 1;
                open.incrementAndGet();
            }
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                state[0] = b == MARK[state[0]] ? state[0] + 1 : (b == MARK[0] ? 1 : 0);
                if (state[0] == MARK.length) {
                    received.incrementAndGet();
                    state[0] = 0;
                }
            }
        }

        void awaitOpen(Duration timeout) throws InterruptedException {
            // Beacon subscribes before it answers the head, so a stream that has sent bytes is subscribed.
            long deadline = System.nanoTime() + timeout.toNanos();
            while (open.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        boolean await(long events, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.get() < events && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return received.get() == events;
        }
    }
}
