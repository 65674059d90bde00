package dev.beacon.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Payara Micro 6 (Jersey) from its runnable jar ({@code beacon.it.payara.jar}), with clustering and Hazelcast off,
 * booted with the operators' own {@code server-config/payara/pre-boot-commands.asadmin} (which also binds its listener
 * to 127.0.0.1). The JVM is the process started.
 */
public final class PayaraMicroProcess extends AppServerProcess {

    /** {@code name} also names its work directory. */
    public PayaraMicroProcess(String name) {
        super(name, ") ready in ");
    }

    @Override
    protected ProcessBuilder command(int port, Launch launch) {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(launch.jvmOptions());
        launch.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path work = launch.work();
        command.addAll(List.of("-jar", required("beacon.it.payara.jar"),
                "--nocluster", "--nohazelcast",
                "--port", Integer.toString(port),
                "--contextroot", "beacon",
                "--deploy", war().toString(),
                "--prebootcommandfile", serverConfig("payara/pre-boot-commands.asadmin").toString(),
                "--rootdir", work.resolve("root").toString()));
        return new ProcessBuilder(command).directory(work.toFile());
    }
}
