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
    private static final List<String> ALLOWED_LIBS = List.of("micrometer-", "prometheus-metrics-", "LatencyUtils-",
            "HdrHistogram-", "nimbus-jose-jwt-");

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
    void tellsBothServersItsContextRootAndServesTheDashboard() throws IOException {
        List<String> names = entries();
        assertTrue(names.contains("WEB-INF/jboss-web.xml"), "WildFly's context root");
        assertTrue(names.contains("WEB-INF/glassfish-web.xml"), "Payara's context root");
        assertTrue(names.contains("index.html"), "the dashboard");
    }

    /**
     * Only the libraries the README's Dependencies table names: Micrometer with its Prometheus registry (and what they
     * bring), and nimbus-jose-jwt, which verifies tokens on both servers from the WAR's own copy.
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
