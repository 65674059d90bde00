package dev.beacon.blackbox;

import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The jars {@code package} builds besides the WAR: the client alone (nothing but its own classes), the runnable CLI
 * (which works from {@code java -jar}), and the embedded runner without either.
 */
class ClientJarsIT {

    private static Path jar(String name) {
        return AppServer.war().resolveSibling(name);
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(name -> !name.endsWith("/")).toList();
        }
    }

    @Test
    void theClientJarHoldsTheClientAndNothingElse() throws IOException {
        List<String> names = entries(jar("beacon-client.jar"));
        assertEquals(List.of(), names.stream()
                .filter(name -> !name.startsWith("dev/beacon/client/") && !name.startsWith("META-INF/"))
                .toList());
        assertTrue(names.contains("dev/beacon/client/BeaconClient.class"), String.join("\n", names));
    }

    @Test
    void theEmbeddedJarCarriesNeitherTheClientNorTheCli() throws IOException {
        assertEquals(List.of(), entries(jar("beacon-embedded.jar")).stream()
                .filter(name -> name.startsWith("dev/beacon/client/") || name.startsWith("dev/beacon/cli/")
                        || name.startsWith("picocli/") || name.startsWith("me/tongfei/")
                        || name.startsWith("org/jline/"))
                .toList());
    }

    @Test
    void theCliJarRunsOnItsOwn() throws IOException, InterruptedException {
        try (TestServer server = TestServer.start()) {
            String url = "http://127.0.0.1:" + server.port();
            String id = run("publish", "jar-check", "hello", "--url", url, "--token", TestServer.TOKEN).strip();
            assertTrue(id.matches("\\d+"), id);
            String table = run("topics", "--url", url);
            assertTrue(table.lines().anyMatch(line -> line.matches("jar-check +\\d+ +1 +\\d+ +0 +1")), table);
        }
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-jar", jar("beacon-cli.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("beacon " + String.join(" ", args) + " did not exit within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
