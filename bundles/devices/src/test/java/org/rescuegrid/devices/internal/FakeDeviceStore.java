package org.rescuegrid.devices.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rescuegrid.api.device.DeviceStore;
import org.rescuegrid.api.device.KnownDevice;

/** An in-memory {@link DeviceStore} that also records every write, so tests can check what reached the database. */
final class FakeDeviceStore implements DeviceStore {

    final Map<String, KnownDevice> devices = new TreeMap<>();
    final List<String> writes = new ArrayList<>();
    /** Makes every contact and registration write fail, as during a database outage. */
    boolean failTouch;

    void add(KnownDevice device) {
        devices.put(device.deviceId(), device);
    }

    @Override
    public void upsert(String deviceId, String protocol, Instant contact) {
        writes.add("upsert " + deviceId + " " + protocol + " " + contact);
        KnownDevice known = devices.get(deviceId);
        if (known == null) {
            devices.put(deviceId, new KnownDevice(deviceId, protocol, null, contact, contact));
        } else {
            devices.put(deviceId, new KnownDevice(deviceId, protocol, known.vehicleId(), known.firstSeen(), contact));
        }
    }

    @Override
    public void touch(String deviceId, Instant lastContact) {
        writes.add("touch " + deviceId + " " + lastContact);
        if (failTouch) {
            throw new IllegalStateException("last contact of device " + deviceId + " could not be saved: database is down");
        }
        KnownDevice known = devices.get(deviceId);
        if (known != null) {
            devices.put(deviceId, new KnownDevice(deviceId, known.protocol(), known.vehicleId(), known.firstSeen(), lastContact));
        }
    }

    @Override
    public void registerAll(List<KnownDevice> registered) {
        writes.add("registerAll " + String.join(",", registered.stream().map(KnownDevice::deviceId).toList()));
        if (failTouch) {
            throw new IllegalStateException(registered.size() + " new devices could not be registered: database is down");
        }
        registered.forEach(device -> devices.put(device.deviceId(), device));
    }

    @Override
    public void touchAll(Map<String, Instant> lastContacts) {
        writes.add("touchAll " + new TreeMap<>(lastContacts));
        if (failTouch) {
            throw new IllegalStateException("last contact of " + lastContacts.size() + " devices could not be saved: database is down");
        }
        lastContacts.forEach((deviceId, lastContact) -> {
            KnownDevice known = devices.get(deviceId);
            if (known != null) {
                devices.put(deviceId, new KnownDevice(deviceId, known.protocol(), known.vehicleId(), known.firstSeen(), lastContact));
            }
        });
    }

    @Override
    public boolean assign(String deviceId, String vehicleId) {
        writes.add("assign " + deviceId + " " + vehicleId);
        KnownDevice known = devices.get(deviceId);
        if (known == null) {
            return false;
        }
        devices.put(deviceId, new KnownDevice(deviceId, known.protocol(), vehicleId, known.firstSeen(), known.lastContact()));
        return true;
    }

    @Override
    public List<KnownDevice> all() {
        return List.copyOf(devices.values());
    }
}
