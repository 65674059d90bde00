package dev.beacon.testing;

import java.net.URI;

/** A running Beacon, wherever it runs: the embedded runner in this JVM, or the WAR on an app server. */
public interface Endpoint {

    /** A URI of the API, such as {@code api("streams/news")}. */
    URI api(String path);
}
