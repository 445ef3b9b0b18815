package org.rescuegrid.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;

/** Device registry that records the calls drivers make, as lines such as {@code connected 123 gt06}, for driver tests. */
public final class RecordingRegistry implements DeviceRegistry {

    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void connected(String deviceId, String protocol) {
        calls.add("connected " + deviceId + " " + protocol);
    }

    @Override
    public void contact(String deviceId, String protocol) {
        calls.add("contact " + deviceId);
    }

    @Override
    public void disconnected(String deviceId) {
        calls.add("disconnected " + deviceId);
    }

    @Override
    public void fixReceived(String deviceId) {
        calls.add("fix " + deviceId);
    }

    @Override
    public void error(String deviceId, DeviceErrorKind kind) {
        calls.add("error " + deviceId + " " + kind);
    }

    @Override
    public void assign(String deviceId, String vehicleId) {
        throw new UnsupportedOperationException();
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
