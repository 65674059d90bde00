package dev.beacon.blackbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * WildFly (RESTEasy, Undertow) from its distribution, on standalone.xml (no clustering: not an -ha profile), with a
 * server base directory of its own to which the operators' {@code server-config/wildfly/beacon.cli} is applied
 * offline first. Every port moves by one offset so the HTTP port is the free one chosen; all bind to 127.0.0.1.
 */
final class WildFly extends AppServer {

    private static final int DEFAULT_HTTP_PORT = 8080;

    WildFly() {
        this("WildFly");
    }

    /** {@code name} also names its work directory. */
    WildFly(String name) {
        super(name, "WFLYSRV0025");
    }

    @Override
    ProcessBuilder command(int port, Path work) throws IOException, InterruptedException {
        Path home = Path.of(required("beacon.it.wildfly.home"));
        Path base = work.resolve("standalone");
        copyTree(home.resolve("standalone"), base);
        String baseDir = "-Djboss.server.base.dir=" + base;

        ProcessBuilder cli = new ProcessBuilder(script(home, "jboss-cli.sh").toString(),
                "--file=" + serverConfig("wildfly/beacon.cli")).directory(work.toFile());
        cli.environment().put("JAVA_OPTS", baseDir);
        run(cli, work.resolve("jboss-cli.log"));
        Files.copy(war(), base.resolve("deployments").resolve("beacon.war"));

        List<String> command = new ArrayList<>(List.of(script(home, "standalone.sh").toString(), baseDir,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + (port - DEFAULT_HTTP_PORT)));
        command.addAll(systemProperties());
        ProcessBuilder server = new ProcessBuilder(command).directory(work.toFile());
        server.environment().put("JAVA_OPTS", "-Xmx512m");
        server.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return server;
    }

    private static Path script(Path home, String name) {
        Path script = home.resolve("bin").resolve(name);
        script.toFile().setExecutable(true);
        return script;
    }
}
