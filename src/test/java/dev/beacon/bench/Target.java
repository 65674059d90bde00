package dev.beacon.bench;

import dev.beacon.testing.PayaraMicroProcess;
import dev.beacon.testing.WildFlyProcess;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Beacon runs for a benchmark: the runnable jar on either transport, or the built WAR on an app server with
 * {@code server-config/} applied. {@link #EMBEDDED} is the runnable jar with the environment's
 * {@code BEACON_TRANSPORT} (what {@code bench/run} measured before it had targets).
 */
enum Target {

    EMBEDDED("embedded"),
    DIRECT("embedded direct"),
    PORTABLE("embedded portable"),
    PAYARA("Payara Micro"),
    WILDFLY("WildFly");

    private static final Path JAR = Path.of("target", "beacon-embedded.jar");
    final String title;

    Target(String title) {
        this.title = title;
    }

    /** {@code direct,portable,payara,wildfly}. */
    static List<Target> parse(String names) {
        return java.util.Arrays.stream(names.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(Target::named).toList();
    }

    private static Target named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown target " + name + ": direct, portable, payara or wildfly", e);
        }
    }

    boolean embedded() {
        return this == EMBEDDED || this == DIRECT || this == PORTABLE;
    }

    /**
     * Starts Beacon here with Beacon's settings as environment variables ({@code BEACON_HISTORY_SIZE}) and the given
     * heap options.
     */
    ServerProcess start(Map<String, String> settings, String name, List<String> heap) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        return switch (this) {
            case EMBEDDED -> ServerProcess.embedded(JAR, all, name, heap);
            case DIRECT, PORTABLE -> {
                all.put("BEACON_TRANSPORT", name().toLowerCase(Locale.ROOT));
                yield ServerProcess.embedded(JAR, all, name, heap);
            }
            case PAYARA -> ServerProcess.appServer(new PayaraMicroProcess("bench " + title), all, heap);
            case WILDFLY -> ServerProcess.appServer(new WildFlyProcess("bench " + title), all, heap);
        };
    }
}
