package dev.beacon.blackbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WAR as built: Beacon's own classes on the app server's Jakarta EE, nothing of the embedded runner. */
class WarContentsIT {

    private static final List<String> EMBEDDED_ONLY = List.of("jersey", "weld", "grizzly", "yasson", "hk2");
    /** The command-line tool's libraries: in target/beacon-cli.jar only. */
    private static final List<String> CLI_ONLY = List.of("picocli", "progressbar", "jline");
    private static final List<String> ALLOWED_LIBS = List.of("micrometer-", "prometheus-metrics-", "LatencyUtils-",
            "HdrHistogram-", "nimbus-jose-jwt-",
            "sqlite-jdbc-", "jedis-", "commons-pool2-", "slf4j-api-", "slf4j-jdk14-", "gson-", "json-",
            "redis-authx-core-", "error_prone_annotations-");

    @Test
    void carriesNoJaxRsCdiOrJsonImplementationAndNoEmbeddedRunner() throws IOException {
        List<String> names = entries();
        List<String> bundled = names.stream()
                .filter(name -> name.startsWith("WEB-INF/lib/"))
                .filter(name -> EMBEDDED_ONLY.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains))
                .toList();
        assertEquals(List.of(), bundled, "the app server provides these");
        assertEquals(List.of(), names.stream().filter(name -> name.startsWith("WEB-INF/classes/dev/beacon/server/"))
                .toList(), "the embedded runner is not part of the WAR");
        assertTrue(names.contains("WEB-INF/classes/dev/beacon/BeaconApplication.class"), String.join("\n", names));
    }

    @Test
    void carriesNeitherTheClientNorTheCommandLineToolNorTheirLibraries() throws IOException {
        List<String> names = entries();
        assertEquals(List.of(), names.stream()
                .filter(name -> name.startsWith("WEB-INF/classes/dev/beacon/client/")
                        || name.startsWith("WEB-INF/classes/dev/beacon/cli/"))
                .toList(), "the client and the CLI have jars of their own");
        assertEquals(List.of(), names.stream()
                .filter(name -> name.startsWith("WEB-INF/lib/"))
                .filter(name -> CLI_ONLY.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains))
                .toList(), "picocli, progressbar and JLine belong to the CLI");
    }

    @Test
    void carriesTheRedisClientForTheRedisStore() throws IOException {
        List<String> libs = entries().stream().filter(name -> name.startsWith("WEB-INF/lib/")).toList();
        for (String lib : List.of("jedis-", "commons-pool2-", "slf4j-api-", "slf4j-jdk14-")) {
            assertTrue(libs.stream().anyMatch(name -> name.startsWith("WEB-INF/lib/" + lib)), lib + " in " + libs);
        }
        assertEquals(List.of(), libs.stream().filter(name -> name.contains("netty")).toList(),
                "no Netty of our own next to the app servers' (Jedis needs none)");
    }

    @Test
    void tellsBothServersItsContextRootAndServesTheDashboard() throws IOException {
        List<String> names = entries();
        assertTrue(names.contains("WEB-INF/jboss-web.xml"), "WildFly's context root");
        assertTrue(names.contains("WEB-INF/glassfish-web.xml"), "Payara's context root");
        assertTrue(names.contains("index.html"), "the dashboard");
    }

    /**
     * Only the libraries the README's Dependencies table names: Micrometer with its Prometheus registry (and what they
     * bring), nimbus-jose-jwt, which verifies tokens on both servers from the WAR's own copy, the file store's SQLite
     * driver and the Redis store's Jedis with what it brings.
     */
    @Test
    void bundlesOnlyTheLibrariesItNeeds() throws IOException {
        List<String> libs = entries().stream().filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
                .map(name -> name.substring("WEB-INF/lib/".length())).toList();
        assertEquals(List.of(), libs.stream().filter(lib -> ALLOWED_LIBS.stream().noneMatch(lib::startsWith)).toList(),
                "a library the README's Dependencies table does not name");
        assertTrue(libs.stream().anyMatch(lib -> lib.startsWith("nimbus-jose-jwt-")), String.join("\n", libs));
    }

    private static List<String> entries() throws IOException {
        try (ZipFile war = new ZipFile(AppServer.war().toFile())) {
            return war.stream().map(ZipEntry::getName).toList();
        }
    }
}
