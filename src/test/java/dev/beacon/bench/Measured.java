package dev.beacon.bench;

import org.HdrHistogram.Histogram;

/**
 * What one fan-out or many-topics workload gave: deliveries counted by the clients against what the accepted publishes
 * should have given, latency from the publisher's clock, and the CPU the server (every process of it, Redis too on a
 * cluster) and the load generator used while it ran.
 */
record Measured(long delivered, long expected, Histogram latency, HttpPublisher.Published published, double seconds,
                Cpu cpu) {

    /** CPU seconds used in a workload: the server's in all, its user part, Redis's share, this JVM's. */
    record Cpu(double server, double serverUser, double redis, double client) {

        Cpu minus(Cpu before) {
            return new Cpu(server - before.server, serverUser - before.serverUser, redis - before.redis,
                    client - before.client);
        }
    }

    double perServerCpuSecond() {
        return delivered / cpu.server();
    }

    double p99Ms() {
        return latency.getValueAtPercentile(99) / 1000.0;
    }

    /** "2,000,000/2,000,000, none lost", or how many were lost. */
    String loss() {
        String counts = String.format("%,d/%,d", delivered, expected);
        return delivered == expected ? counts + ", none lost" : counts + ", " + String.format("%,d", expected - delivered)
                + (delivered < expected ? " LOST" : " too many");
    }

    /** Publishes accepted per second, and where the deadline cut them. */
    String publishRate() {
        String rate = String.format("%,.0f", published.perSecond());
        return published.cut() ? rate + String.format(" (cut at %.0f s)", published.seconds()) : rate;
    }

    /** The whole result on one line, as the detailed part of the report lists it. */
    String row(String name, boolean cluster) {
        return String.format("%s | %s publishes/s%s | %,.0f deliveries/s | %,.0f deliveries per server CPU-s"
                        + " (server CPU %.2f s%s, %.1f us user + %.1f us system per delivery; client CPU %.2f s)"
                        + " | latency p50 %.1f ms p99 %.1f ms max %.1f ms | delivered %s",
                name, publishRate(), published.refused() == 0 ? "" : String.format(" (%,d refused)",
                        published.refused()), delivered / seconds, perServerCpuSecond(), cpu.server(),
                cluster ? String.format(" of which Redis %.2f s", cpu.redis()) : "",
                cpu.serverUser() * 1e6 / delivered, (cpu.server() - cpu.serverUser()) * 1e6 / delivered,
                cpu.client(), latency.getValueAtPercentile(50) / 1000.0, p99Ms(), latency.getMaxValue() / 1000.0,
                loss());
    }
}
