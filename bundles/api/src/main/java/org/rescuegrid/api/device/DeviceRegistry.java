package org.rescuegrid.api.device;

import java.util.List;
import java.util.Optional;

/**
 * Registry of devices and their health. Drivers report what they see; the console and services read it.
 * Implementations are thread-safe, because every driver connection reports from its own I/O thread.
 */
public interface DeviceRegistry {

    /** Records that a connection identified itself as this device, registering the device on first contact. */
    void connected(String deviceId, String protocol);

    /** Records that a device sent a frame, registering it on first contact. */
    void contact(String deviceId, String protocol);

    /** Records that one of a device's connections closed. */
    void disconnected(String deviceId);

    /** Counts one position fix received from a device. */
    void fixReceived(String deviceId);

    /** Counts one dropped frame of a device; the reason is for the log, not stored. */
    void error(String deviceId, DeviceErrorKind kind);

    /**
     * Assigns a device to a vehicle, or removes the assignment when {@code vehicleId} is null.
     *
     * @throws IllegalArgumentException when the device is unknown
     */
    void assign(String deviceId, String vehicleId);

    /** Returns the vehicle a device is assigned to. */
    Optional<String> vehicleOf(String deviceId);

    Optional<DeviceInfo> find(String deviceId);

    /** Returns all known devices ordered by id. */
    List<DeviceInfo> list();
}
