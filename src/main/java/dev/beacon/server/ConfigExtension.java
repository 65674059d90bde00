package dev.beacon.server;

import dev.beacon.config.BeaconConfig;
import dev.beacon.config.ConfigProducer;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/** Hands the runner's settings to CDI in place of the WAR's producer, so each embedded server has its own. */
final class ConfigExtension implements Extension {

    private final BeaconConfig config;

    ConfigExtension(BeaconConfig config) {
        this.config = config;
    }

    void vetoEnvironmentProducer(@Observes ProcessAnnotatedType<ConfigProducer> type) {
        type.veto();
    }

    void addConfig(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .types(BeaconConfig.class, Object.class)
                .scope(Dependent.class)
                .beanClass(BeaconConfig.class)
                .produceWith(instance -> config);
    }
}
