package dev.beacon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * WildFly (RESTEasy, Undertow) from its distribution ({@code beacon.it.wildfly.home}), on standalone.xml (no
 * clustering: not an -ha profile), with a server base directory of its own to which the operators'
 * {@code server-config/wildfly/beacon.cli} is applied offline first. Every port moves by one offset so the HTTP port is
 * the free one chosen; all bind to 127.0.0.1. The process started is {@code standalone.sh}; the JVM is its child.
 */
public final class WildFlyProcess extends AppServerProcess {

    private static final int DEFAULT_HTTP_PORT = 8080;

    /** {@code name} also names its work directory. */
    public WildFlyProcess(String name) {
        super(name, "WFLYSRV0025");
    }

    @Override
    protected ProcessBuilder command(int port, Launch launch) throws IOException, InterruptedException {
        Path work = launch.work();
        Path home = Path.of(required("beacon.it.wildfly.home"));
        Path base = work.resolve("standalone");
        Directories.copy(home.resolve("standalone"), base);
        String baseDir = "-Djboss.server.base.dir=" + base;

        ProcessBuilder cli = new ProcessBuilder(script(home, "jboss-cli.sh").toString(),
                "--file=" + serverConfig("wildfly/beacon.cli")).directory(work.toFile());
        cli.environment().put("JAVA_OPTS", baseDir);
        run(cli, work.resolve("jboss-cli.log"));
        Files.copy(war(), base.resolve("deployments").resolve("beacon.war"));

        List<String> command = new ArrayList<>(List.of(script(home, "standalone.sh").toString(), baseDir,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + (port - DEFAULT_HTTP_PORT)));
        launch.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder server = new ProcessBuilder(command).directory(work.toFile());
        server.environment().put("JAVA_OPTS", String.join(" ", launch.jvmOptions()));
        server.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return server;
    }

    private static Path script(Path home, String name) {
        Path script = home.resolve("bin").resolve(name);
        script.toFile().setExecutable(true);
        return script;
    }
}
