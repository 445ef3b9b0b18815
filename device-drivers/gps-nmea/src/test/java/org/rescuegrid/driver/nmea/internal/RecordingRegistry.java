package org.rescuegrid.driver.nmea.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;

/** A {@link DeviceRegistry} that records the calls a driver makes, one string per call. */
final class RecordingRegistry implements DeviceRegistry {

    final List<String> calls = new ArrayList<>();

    /** Returns the recorded calls without {@code contact}, which a session makes for every line. */
    List<String> callsWithoutContact() {
        return calls.stream().filter(call -> !call.startsWith("contact ")).toList();
    }

    long count(String call) {
        return calls.stream().filter(call::equals).count();
    }

    @Override
    public void connected(String deviceId, String protocol) {
        calls.add("connected " + deviceId + " " + protocol);
    }

    @Override
    public void contact(String deviceId, String protocol) {
        calls.add("contact " + deviceId + " " + protocol);
    }

    @Override
    public void disconnected(String deviceId) {
        calls.add("disconnected " + deviceId);
    }

    @Override
    public void fixReceived(String deviceId) {
        calls.add("fixReceived " + deviceId);
    }

    @Override
    public void error(String deviceId, DeviceErrorKind kind) {
        calls.add("error " + deviceId + " " + kind);
    }

    @Override
    public void assign(String deviceId, String vehicleId) {
        throw new UnsupportedOperationException("a driver does not assign vehicles");
    }

    @Override
    public Optional<String> vehicleOf(String deviceId) {
        return Optional.empty();
    }

    @Override
    public Optional<DeviceInfo> find(String deviceId) {
        return Optional.empty();
    }

    @Override
    public List<DeviceInfo> list() {
        return List.of();
    }
}
