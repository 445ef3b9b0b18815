package org.rescuegrid.uplink.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;

/**
 * Uplink figures that outlive one configuration of the uplink. A configuration change deactivates
 * {@link UplinkRoutes} and activates a new instance, while this component is immediate and has no
 * configuration, so it lives from bundle start to bundle stop.
 */
@Component(service = UplinkHistory.class, immediate = true)
public class UplinkHistory {

    private final AtomicLong confirmed = new AtomicLong();
    private UplinkConfig lastConfig;

    /** Adds the number of records that HQ or the Kafka brokers confirmed. */
    void addConfirmed(long records) {
        confirmed.addAndGet(records);
    }

    /** Returns the number of records confirmed since the bundle started. */
    long confirmed() {
        return confirmed.get();
    }

    /** Stores the configuration of a new uplink activation and returns that of the one before, or null on the first. */
    synchronized UplinkConfig replaceConfig(UplinkConfig config) {
        UplinkConfig previous = lastConfig;
        lastConfig = config;
        return previous;
    }
}
