package dev.beacon;

import dev.beacon.auth.AccessFilter;
import dev.beacon.cors.CorsFilter;
import dev.beacon.counter.CounterResource;
import dev.beacon.generator.GeneratorsResource;
import dev.beacon.metrics.MetricsResource;
import dev.beacon.problem.CapacityExceptionMapper;
import dev.beacon.progress.JobsResource;
import dev.beacon.relay.RelayResource;
import dev.beacon.problem.HubExceptionMapper;
import dev.beacon.problem.StoreUnavailableExceptionMapper;
import dev.beacon.problem.UnexpectedExceptionMapper;
import dev.beacon.problem.WebApplicationExceptionMapper;
import dev.beacon.stream.FramedEventWriter;
import dev.beacon.stream.SseResponseHeaders;
import dev.beacon.stream.StreamHeads;
import dev.beacon.stream.StreamsResource;
import dev.beacon.ticker.TickerResource;
import dev.beacon.topics.TopicsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The JAX-RS application at {@code /api}. Its classes are listed rather than scanned, so Jersey (Payara, embedded)
 * and RESTEasy (WildFly) serve exactly the same set.
 */
@ApplicationPath("/api")
public class BeaconApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                StreamsResource.class,
                TopicsResource.class,
                MetricsResource.class,
                GeneratorsResource.class,
                CounterResource.class,
                JobsResource.class,
                RelayResource.class,
                TickerResource.class,
                CorsFilter.class,
                AccessFilter.class,
                StreamHeads.class,
                StreamHeads.HeadMarker.class,
                FramedEventWriter.class,
                SseResponseHeaders.class,
                WebApplicationExceptionMapper.class,
                HubExceptionMapper.class,
                CapacityExceptionMapper.class,
                StoreUnavailableExceptionMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
