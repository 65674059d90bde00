package dev.beacon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free port of 127.0.0.1 that cuts every connection through it at a fixed period, wherever the
 * bytes are (mid-event, mid-line, mid-character), as a flaky network or a restarting load balancer would. It stops
 * by itself after {@code lifetime} at the latest, and on {@link #close()}.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Map<Socket, Socket> open = new ConcurrentHashMap<>();
    private final ExecutorService pumps = Executors.newCachedThreadPool(daemon("proxy-pump"));
    private final ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor(daemon("proxy-cut"));
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();

    private CuttingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Proxies to {@code 127.0.0.1:targetPort}, cutting every open connection every {@code period}. */
    public static CuttingProxy start(int targetPort, Duration period, Duration lifetime) {
        return start(targetPort, period, period, lifetime);
    }

    /**
     * The same, with the first cut after {@code firstCut}: a client that gives up when its very first connection
     * fails (the JAX-RS {@code SseEventSource}) gets the time to open it.
     */
    public static CuttingProxy start(int targetPort, Duration firstCut, Duration period, Duration lifetime) {
        CuttingProxy proxy = open(targetPort, lifetime);
        proxy.cutter.scheduleAtFixedRate(proxy::cutAll, firstCut.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return proxy;
    }

    /** A proxy that cuts nothing until {@link #cutEvery} is called; it stops by itself after {@code lifetime}. */
    public static CuttingProxy open(int targetPort, Duration lifetime) {
        try {
            CuttingProxy proxy = new CuttingProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            proxy.pumps.execute(proxy::accept);
            proxy.cutter.schedule(proxy::close, lifetime.toMillis(), TimeUnit.MILLISECONDS);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts every open connection now, and again every {@code period}. */
    public void cutEvery(Duration period) {
        cutter.scheduleAtFixedRate(this::cutAll, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections cut so far. */
    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5000);
                accepted.incrementAndGet();
                open.put(client, server);
                pumps.execute(() -> pump(client, server));
                pumps.execute(() -> pump(server, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or the other side closed
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private void cutAll() {
        for (Socket client : open.keySet()) {
            Socket server = open.remove(client);
            if (server != null) {
                quietly(client);
                quietly(server);
                cuts.incrementAndGet();
            }
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        cutAll();
        cutter.shutdownNow();
        pumps.shutdownNow();
    }
}
