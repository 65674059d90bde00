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
 * sequential publisher on one keep-alive HTTP/1.1 connection, round-robin over the topics: the JDK's
 * {@code HttpClient}, or with {@code -Dpublisher=raw} a plain socket that writes each request and reads its answer
 * (the JDK's client spends about twice the server's CPU per request, which on a shared two-core machine limits what
 * one sequential publisher can show). Prints publishes per second, the server's CPU per publish (when given its PID),
 * this process's own, and whether every event arrived. Only the JDK is needed, so it runs from its source file:
 *
 * <pre>{@code java [-Dpublisher=raw] src/test/java/dev/beacon/topics/SequentialPublisher.java http://127.0.0.1:8080/api/
 *     TOKEN [PID] [topics=2000] [events=20000] [warmup=20000]}</pre>
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
        Publish client = "raw".equals(System.getProperty("publisher")) ? new RawPublish(api, token)
                : new JdkPublish(api, token);
        Subscribers subscribers = new Subscribers(api, prefix, topics);
        Thread reader = new Thread(subscribers::run, "subscribers");
        reader.setDaemon(true);
        reader.start();
        subscribers.awaitOpen(Duration.ofSeconds(60));
        publish(client, prefix, topics, warmup); // the JIT, on both sides
        subscribers.await(warmup, Duration.ofSeconds(120));
        long[] cpu0 = cpuTicks(pid);
        long[] own0 = cpuTicks(ProcessHandle.current().pid());
        long start = System.nanoTime();
        long subscribing0 = subscribers.cpuNanos(reader);
        long failed = publish(client, prefix, topics, events);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] cpu = cpuTicks(pid);
        long[] own = cpuTicks(ProcessHandle.current().pid());
        long clientCpu = own[0] + own[1] - own0[0] - own0[1];
        long subscribing = subscribers.cpuNanos(reader) - subscribing0;
        long user = cpu[0] - cpu0[0];
        long system = cpu[1] - cpu0[1];
        boolean all = subscribers.await(warmup + (long) events, Duration.ofSeconds(120));
        System.out.printf("%d publishes to %d topics in %.2f s: %.0f publishes/s; %d not 201%s; every event "
                        + "delivered: %s (%d)%n", events, topics, seconds, events / seconds, failed,
                pid < 0 ? "" : String.format("; server CPU per publish %.0f us (%.0f us user, %.0f us system)",
                        (user + system) * 1e6 / CLOCK_TICKS / events, user * 1e6 / CLOCK_TICKS / events,
                        system * 1e6 / CLOCK_TICKS / events),
                all, subscribers.received.get() - warmup);
        System.out.printf("%s publisher; this client's own CPU per publish: %.0f us, of which the subscribers' "
                        + "reading thread %.0f us%n", client.getClass().getSimpleName(),
                clientCpu * 1e6 / CLOCK_TICKS / events, subscribing / 1e3 / events);
        System.exit(all && failed == 0 ? 0 : 1);
    }

    /** Sequentially, each publish waiting for its answer: the count of answers other than 201, each one printed. */
    private static long publish(Publish client, String prefix, int topics, int count) throws Exception {
        long failed = 0;
        for (int i = 0; i < count; i++) {
            int status = client.status("topics/" + prefix + (i % topics) + "/events", "t=" + System.nanoTime() + " "
                    + PADDING);
            if (status != 201) {
                failed++;
                System.out.println("publish " + i + " answered " + status);
            }
        }
        return failed;
    }

    /** One publish, answered: its status. */
    private interface Publish {
        int status(String apiPath, String body) throws Exception;
    }

    private record JdkPublish(URI api, String token, HttpClient client) implements Publish {

        JdkPublish(URI api, String token) {
            this(api, token, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        @Override
        public int status(String apiPath, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(api.resolve(apiPath))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/plain")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** HTTP/1.1 on one socket, reconnecting when the server closes it; answers are read by their Content-Length. */
    private static final class RawPublish implements Publish {

        private final URI api;
        private final String head;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;

        RawPublish(URI api, String token) {
            this.api = api;
            this.head = "Host: " + api.getHost() + ":" + api.getPort() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: text/plain\r\nContent-Length: ";
        }

        @Override
        public int status(String apiPath, String body) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket(api.getHost(), api.getPort());
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream());
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST " + api.getPath() + apiPath + " HTTP/1.1\r\n" + head + bytes.length
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            String status = line();
            long length = 0;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            in.skipNBytes(length);
            if (close) {
                socket.close();
                socket = null;
            }
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
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

        /** CPU time of the thread that reads every subscriber. */
        long cpuNanos(Thread reader) {
            return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(reader.getId());
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
