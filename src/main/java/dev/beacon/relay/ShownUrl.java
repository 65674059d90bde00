package dev.beacon.relay;

import java.net.URI;
import java.util.StringJoiner;

/**
 * The upstream's URL as {@code GET /api/relay}, the relay's events and the log may show it: without its user info
 * ({@code user:password@}) and with every query value replaced by {@value #HIDDEN}, since an API key usually travels
 * in one. The names stay, so an operator still recognises the URL.
 */
final class ShownUrl {

    static final String HIDDEN = "***";

    private ShownUrl() {
    }

    static String of(URI url) {
        StringBuilder shown = new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() >= 0) {
            shown.append(':').append(url.getPort());
        }
        shown.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (url.getRawQuery() != null) {
            StringJoiner query = new StringJoiner("&", "?", "");
            for (String pair : url.getRawQuery().split("&", -1)) {
                int equals = pair.indexOf('=');
                query.add(equals < 0 ? pair : pair.substring(0, equals + 1) + HIDDEN);
            }
            shown.append(query);
        }
        return shown.toString();
    }

    /** A message with the full URL, or its user info, replaced by what may be shown. */
    static String in(String message, URI url) {
        String safe = message.replace(url.toString(), of(url));
        return url.getRawUserInfo() == null ? safe : safe.replace(url.getRawUserInfo(), HIDDEN);
    }
}
