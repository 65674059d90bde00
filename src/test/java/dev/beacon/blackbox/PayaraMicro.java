package dev.beacon.blackbox;

import dev.beacon.testing.PayaraMicroProcess;

/** Payara Micro 6 (Jersey) for the suite: {@link PayaraMicroProcess}. */
final class PayaraMicro extends AppServer {

    PayaraMicro() {
        this("Payara Micro");
    }

    /** {@code name} also names its work directory. */
    PayaraMicro(String name) {
        super(new PayaraMicroProcess(name));
    }
}
