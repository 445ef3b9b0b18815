package org.rescuegrid.devices.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;

/** Live state of one device. Counters are atomic because each connection reports from its own I/O thread. */
final class DeviceState {

    final String deviceId;
    volatile String protocol;
    volatile String vehicleId;
    volatile Instant firstSeen;
    volatile Instant lastContact;
    volatile Instant lastPersisted;
    /** Whether the device's row is in the database; a device seen for the first time waits for the registry's writer. */
    volatile boolean inTable;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicLong fixes = new AtomicLong();
    private final Map<DeviceErrorKind, AtomicLong> errors = new EnumMap<>(DeviceErrorKind.class);

    DeviceState(String deviceId, String protocol) {
        this.deviceId = deviceId;
        this.protocol = protocol;
        for (DeviceErrorKind kind : DeviceErrorKind.values()) {
            errors.put(kind, new AtomicLong());
        }
    }

    void countError(DeviceErrorKind kind) {
        errors.get(kind).incrementAndGet();
    }

    DeviceInfo snapshot() {
        Map<DeviceErrorKind, Long> counts = new EnumMap<>(DeviceErrorKind.class);
        errors.forEach((kind, count) -> counts.put(kind, count.get()));
        return new DeviceInfo(deviceId, protocol, vehicleId, firstSeen, lastContact, connections.get() > 0, fixes.get(), counts);
    }
}
