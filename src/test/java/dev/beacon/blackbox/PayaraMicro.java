package dev.beacon.blackbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Payara Micro 6 (Jersey) from its runnable jar, with clustering and Hazelcast off, booted with the operators' own
 * {@code server-config/payara/pre-boot-commands.asadmin} (which also binds its listener to 127.0.0.1).
 */
final class PayaraMicro extends AppServer {

    PayaraMicro() {
        this("Payara Micro");
    }

    /** {@code name} also names its work directory. */
    PayaraMicro(String name) {
        super(name, ") ready in ");
    }

    @Override
    ProcessBuilder command(int port, Path work) {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m"));
        command.addAll(systemProperties());
        command.addAll(List.of("-jar", required("beacon.it.payara.jar"),
                "--nocluster", "--nohazelcast",
                "--port", Integer.toString(port),
                "--contextroot", "beacon",
                "--deploy", war().toString(),
                "--prebootcommandfile", serverConfig("payara/pre-boot-commands.asadmin").toString(),
                "--rootdir", work.resolve("root").toString()));
        return new ProcessBuilder(command).directory(work.toFile());
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
