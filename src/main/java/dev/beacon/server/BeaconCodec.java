package dev.beacon.server;

import dev.beacon.edge.SecurityHeaders;
import dev.beacon.problem.Problem;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Grizzly's HTTP/1.1 codec, built as its HttpServer builds it, with two changes.
 * <ul>
 * <li>A request that offers an upgrade to cleartext HTTP/2 ({@code Upgrade: h2c}) is answered as the plain HTTP/1.1
 *     request it also is, as RFC 9113 allows. The JDK's {@code HttpClient} offers that upgrade by default; Grizzly
 *     without its HTTP/2 module takes any {@code Upgrade} as a switch of protocol, never reads the request body and
 *     drops the response's content type, so a POST from that client would hang.</li>
 * <li>A request it cannot parse (a request line or headers too long, too many headers, a malformed
 *     {@code Content-Length} or chunk) gets a problem+json answer saying what to fix, with the right status (414,
 *     431, 400), where Grizzly answers an empty 400.</li>
 * </ul>
 */
final class BeaconCodec implements AddOn {

    private static final String DETAIL = BeaconCodec.class.getName() + ".detail";
    private final ServerConfiguration server;

    BeaconCodec(ServerConfiguration server) {
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

    private static final class Codec extends HttpServerFilter {

        private final int maxHeaderBytes;
        private final int maxHeaders;

        Codec(NetworkListener listener) {
            super(listener.isChunkingEnabled(), headerBytes(listener), null, listener.getKeepAlive(), null,
                    listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
            this.maxHeaderBytes = headerBytes(listener);
            this.maxHeaders = listener.getMaxRequestHeaders();
        }

        private static int headerBytes(NetworkListener listener) {
            return listener.getMaxHttpHeaderSize() == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                    : listener.getMaxHttpHeaderSize();
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

        @Override
        protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable failure)
                throws IOException {
            if (header instanceof HttpRequestPacket request) {
                refuse(request, failure);
            }
            super.onHttpHeaderError(header, ctx, failure);
        }

        @Override
        protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable failure)
                throws IOException {
            if (header instanceof HttpRequestPacket request) {
                request.setAttribute(DETAIL, "The request body is malformed (its chunked coding or length)");
            }
            super.onHttpContentError(header, ctx, failure);
        }

        /** The status and words for what the parser could not take. */
        private void refuse(HttpRequestPacket request, Throwable failure) {
            String message = String.valueOf(failure.getMessage());
            HttpResponsePacket response = request.getResponse();
            if (message.contains("intial line") || message.contains("initial line")) {
                response.setStatus(414);
                response.setReasonPhrase("URI Too Long");
                request.setAttribute(DETAIL, "The request line is too long (at most " + maxHeaderBytes
                        + " bytes with the headers)");
            } else if (message.contains("header is too large")) {
                tooLarge(request, "The request's headers are larger than " + maxHeaderBytes + " bytes");
            } else if (failure instanceof MimeHeaders.MaxHeaderCountExceededException) {
                tooLarge(request, "The request has more than " + maxHeaders + " headers");
            } else if (failure instanceof NumberFormatException) {
                request.setAttribute(DETAIL, "Malformed Content-Length: it must be a whole number of bytes");
            } else {
                request.setAttribute(DETAIL, "The request line or a header is malformed");
            }
        }

        private static void tooLarge(HttpRequestPacket request, String detail) {
            request.getResponse().setStatus(431);
            request.getResponse().setReasonPhrase("Request Header Fields Too Large");
            request.setAttribute(DETAIL, detail);
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            Object detail = response.getRequest() == null ? null : response.getRequest().getAttribute(DETAIL);
            int status = response.getStatus();
            byte[] body = String.valueOf(Problem.response(status, detail == null ? "The request is malformed"
                    : detail.toString()).getEntity()).getBytes(StandardCharsets.UTF_8);
            // Straight into the headers: a request whose line did not parse skips the codec's own content type
            response.getHeaders().setValue(Header.ContentType).setString(Problem.MEDIA_TYPE);
            response.setContentLength(body.length);
            SecurityHeaders.HEADERS.forEach(response::setHeader);
            return HttpContent.builder(response)
                    .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                    .last(true)
                    .build();
        }
    }
}
