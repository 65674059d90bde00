package dev.beacon.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Prometheus scrapes this. */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    /** The Prometheus text format, version 0.0.4. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    BeaconMetrics metrics;

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String metrics() {
        return metrics.scrape();
    }
}
