package dev.beacon.server;

import dev.beacon.BeaconApplication;
import dev.beacon.auth.AccessControl;
import dev.beacon.concurrent.BeaconExecutors;
import dev.beacon.config.BeaconConfig;
import dev.beacon.cors.CorsFilter;
import dev.beacon.hub.Hub;
import dev.beacon.stream.TopicFilters;
import dev.beacon.stream.UnavailableTopics;
import dev.beacon.topics.Publishing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Extension;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Beacon on Jersey + Grizzly + Weld SE, in this JVM. Weld starts first (Jersey's CDI integration looks the container
 * up while it starts); {@link #close()} ends the streams, stops Grizzly, then Weld, in that order.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** Where the build puts a copy of {@code src/main/webapp} on the class path. */
    static final String WEBAPP = "/beacon-webapp/";
    /** Embedded only: how streams reach the socket. */
    public static final String TRANSPORT = BeaconConfig.TRANSPORT;
    static final int WRITE_QUEUE_BYTES = 256 * 1024;
    private static final System.Logger LOG = System.getLogger(EmbeddedServer.class.getName());

    private final WeldContainer container;
    private final HttpServer http;
    private final URI uri;

    private EmbeddedServer(WeldContainer container, HttpServer http, URI uri) {
        this.container = container;
        this.http = http;
        this.uri = uri;
    }

    /** Starts on {@code beacon.host}:{@code beacon.port}; port 0 takes a free one (see {@link #uri()}). */
    public static EmbeddedServer start(BeaconConfig config) {
        WeldContainer container = weld(config).initialize();
        try {
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
                    URI.create("http://" + config.host() + ":" + config.port() + "/"),
                    ResourceConfig.forApplicationClass(BeaconApplication.class), false);
            http.getServerConfiguration().addHttpHandler(
                    new CLStaticHttpHandler(EmbeddedServer.class.getClassLoader(), WEBAPP), "/");
            http.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemPages());
            NetworkListener listener = http.getListeners().iterator().next();
            // Its hits are answered before the edge sees the request, without the security headers; the dashboard's
            // few files gain nothing from it.
            listener.getFileCache().setEnabled(false);
            ScheduledExecutorService scheduler = container.select(BeaconExecutors.class).get().scheduler();
            // First: every request passes the edge before the direct transport or Grizzly's server sees it.
            listener.registerAddOn(new EdgeFilter(EdgeSettings.of(config), scheduler));
            if (config.directTransport()) {
                CorsFilter cors = container.select(CorsFilter.class).get();
                listener.registerAddOn(new StreamFilter(container.select(Hub.class).get(),
                        container.select(TopicFilters.class).get(), container.select(UnavailableTopics.class).get(), cors,
                        container.select(AccessControl.class).get(), scheduler));
                http.getServerConfiguration().addHttpHandler(new DirectStreamHandler(cors),
                        HttpHandlerRegistration.bulder().contextPath(DirectStreamHandler.CONTEXT).build());
                listener.registerAddOn(new DirectPublishFilter(container.select(Publishing.class).get(), cors));
            }
            listener.registerAddOn(new BeaconCodec(http.getServerConfiguration()));
            // A write to a stalled client gives up after this; the hub has dropped that subscriber long before.
            listener.getTransport().setWriteTimeout(config.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // Bytes Grizzly holds for a connection that does not read, on top of the kernel's socket buffer. Beyond it
            // writes wait, the subscriber's queue in the hub fills, and the hub drops it: memory per slow client is
            // bounded instead of growing with everything published.
            listener.getTransport().getAsyncQueueIO().getWriter().setMaxPendingBytesPerConnection(WRITE_QUEUE_BYTES);
            http.start();
            createApplicationBeans(container);
            URI uri = URI.create("http://" + config.host() + ":" + listener.getPort() + "/");
            return new EmbeddedServer(container, http, uri);
        } catch (IOException e) {
            container.shutdown();
            throw new UncheckedIOException("Could not start on " + config.host() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            container.shutdown();
            throw e;
        }
    }

    /**
     * Beans are Beacon's own classes, named explicitly rather than found by scanning the class path, so the runner
     * behaves the same from {@code target/classes} and from the single runnable jar. Portable extensions (Jersey's
     * CDI integration among them) are the ones the class path declares as services, as with discovery.
     */
    private static Weld weld(BeaconConfig config) {
        Weld weld = new Weld("beacon-" + UUID.randomUUID())
                .disableDiscovery()
                .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                .addPackages(true, BeaconApplication.class)
                .addExtension(new ConfigExtension(config))
                .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false);
        ServiceLoader.load(Extension.class, EmbeddedServer.class.getClassLoader()).forEach(weld::addExtension);
        return weld;
    }

    /**
     * Creates the application's CDI-managed resources and providers now. Jersey's CDI integration injects them through
     * the injection manager of the Jersey runtime that started last: a Jersey client started later in this JVM (a
     * test's SseEventSource, say), once closed, would break every such bean created after it.
     */
    private static void createApplicationBeans(WeldContainer container) {
        for (Class<?> type : new BeaconApplication().getClasses()) {
            if (type.isAnnotationPresent(ApplicationScoped.class)) {
                container.select(type).get().toString(); // a client proxy creates its instance on the first call
            }
        }
    }

    /** The server's root, such as {@code http://127.0.0.1:8080/}; the API is under {@code api/}. */
    public URI uri() {
        return uri;
    }

    /** A bean of this server's CDI container, for tests and for code that embeds Beacon. */
    public <T> T bean(Class<T> type) {
        return container.select(type).get();
    }

    @Override
    public void close() {
        try {
            bean(Hub.class).closeAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Closing the streams failed", e);
        }
        http.shutdownNow();
        container.shutdown();
    }
}
