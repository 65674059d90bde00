package dev.beacon.server;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http.util.Header;

/**
 * Answers a request that offers an upgrade to cleartext HTTP/2 ({@code Upgrade: h2c}) as the plain HTTP/1.1 request it
 * also is, as RFC 9113 allows. The JDK's {@code HttpClient} offers that upgrade by default; Grizzly without its HTTP/2
 * module takes any {@code Upgrade} as a switch of protocol, never reads the request body and drops the response's
 * content type, so a POST from that client would hang.
 */
final class IgnoreH2cUpgrade implements AddOn {

    private final ServerConfiguration server;

    IgnoreH2cUpgrade(ServerConfiguration server) {
        this.server = server;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("Grizzly's HTTP codec is not in the filter chain");
        }
        HttpServerFilter codec = new Codec(listener);
        codec.setAllowPayloadForUndefinedHttpMethods(server.isAllowPayloadForUndefinedHttpMethods());
        codec.setMaxPayloadRemainderToSkip(server.getMaxPayloadRemainderToSkip());
        builder.set(index, codec);
    }

    /** Grizzly's HTTP/1.1 codec, built as its HttpServer builds it, less the h2c upgrade. */
    private static final class Codec extends HttpServerFilter {

        Codec(NetworkListener listener) {
            super(listener.isChunkingEnabled(),
                    listener.getMaxHttpHeaderSize() == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                            : listener.getMaxHttpHeaderSize(),
                    null, listener.getKeepAlive(), null, listener.getMaxRequestHeaders(),
                    listener.getMaxResponseHeaders());
        }

        @Override
        protected void onIncomingUpgrade(FilterChainContext ctx, HttpHeader header) {
            if ("h2c".equalsIgnoreCase(header.getUpgrade())) {
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader(Header.Upgrade);
                return;
            }
            super.onIncomingUpgrade(ctx, header);
        }
    }
}
