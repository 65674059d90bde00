package dev.beacon.blackbox;

import dev.beacon.testing.WildFlyProcess;

/** WildFly (RESTEasy, Undertow) for the suite: {@link WildFlyProcess}. */
final class WildFly extends AppServer {

    WildFly() {
        this("WildFly");
    }

    /** {@code name} also names its work directory. */
    WildFly(String name) {
        super(new WildFlyProcess(name));
    }
}
