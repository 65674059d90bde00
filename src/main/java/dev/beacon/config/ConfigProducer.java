package dev.beacon.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the settings injectable in the WAR. The embedded runner replaces this producer with the settings it was
 * started with, so tests can run servers with different settings in one JVM.
 */
@ApplicationScoped
public class ConfigProducer {

    private final BeaconConfig config = BeaconConfig.fromEnvironment();

    @Produces
    @Dependent
    BeaconConfig config() {
        return config;
    }
}
