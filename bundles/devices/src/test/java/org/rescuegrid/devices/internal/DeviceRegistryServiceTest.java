package org.rescuegrid.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceErrorKind;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.KnownDevice;
import org.rescuegrid.testing.MutableClock;

class DeviceRegistryServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");
    private static final String NMEA = "nmea";

    private final FakeDeviceStore store = new FakeDeviceStore();
    private final MutableClock clock = new MutableClock(T0);

    private DeviceRegistryService registry(String... assignments) {
        DeviceRegistryService registry = new DeviceRegistryService(store, TestDevicesConfig.of(assignments), clock);
        store.writes.clear();
        return registry;
    }

    private static long errors(DeviceInfo info, DeviceErrorKind kind) {
        return info.errors().get(kind);
    }

    @Test
    void firstContactRegisters() {
        DeviceRegistryService registry = registry();

        registry.contact("TRK-LHR-01", NMEA);
        registry.contact("TRK-KHI-01", NMEA);
        assertEquals(List.of(), store.writes, "the caller's thread writes nothing");

        assertEquals(2, registry.registerNewDevices());
        assertEquals(List.of("registerAll TRK-LHR-01,TRK-KHI-01"), store.writes, "both new devices in one write");
        assertEquals(T0, store.devices.get("TRK-LHR-01").firstSeen());
        assertEquals(0, registry.registerNewDevices());
        DeviceInfo info = registry.find("TRK-LHR-01").orElseThrow();
        assertEquals(NMEA, info.protocol());
        assertEquals(T0, info.firstSeen());
        assertEquals(T0, info.lastContact());
        assertNull(info.vehicleId());
        assertFalse(info.connected());
        assertEquals(0, info.fixesReceived());
        assertEquals(0, info.errorCount());
    }

    @Test
    void firstContactAppliesConfiguredAssignment() {
        DeviceRegistryService registry = registry("TRK-LHR-01=AMB-LHR-101");

        registry.connected("TRK-LHR-01", NMEA);

        assertEquals(List.of("upsert TRK-LHR-01 nmea " + T0, "assign TRK-LHR-01 AMB-LHR-101"), store.writes);
        assertEquals(Optional.of("AMB-LHR-101"), registry.vehicleOf("TRK-LHR-01"));
        assertEquals("AMB-LHR-101", store.devices.get("TRK-LHR-01").vehicleId());
    }

    @Test
    void startupLoadsKnownDevices() {
        store.add(new KnownDevice("TRK-LHR-02", NMEA, null, T0.minusSeconds(7200), T0.minusSeconds(600)));
        store.add(new KnownDevice("TRK-KHI-01", NMEA, "FIRE-KHI-01", T0.minusSeconds(3600), T0.minusSeconds(300)));

        DeviceRegistryService registry = registry();

        List<DeviceInfo> devices = registry.list();
        assertEquals(List.of("TRK-KHI-01", "TRK-LHR-02"), devices.stream().map(DeviceInfo::deviceId).toList());
        assertEquals("FIRE-KHI-01", devices.get(0).vehicleId());
        assertEquals(T0.minusSeconds(3600), devices.get(0).firstSeen());
        assertEquals(T0.minusSeconds(300), devices.get(0).lastContact());
        assertFalse(devices.get(0).connected());
    }

    @Test
    void startupAppliesAssignmentToKnownDevice() {
        store.add(new KnownDevice("TRK-LHR-01", NMEA, null, T0, T0));

        DeviceRegistryService registry = new DeviceRegistryService(store, TestDevicesConfig.of("TRK-LHR-01=AMB-LHR-101"), clock);

        assertEquals(List.of("assign TRK-LHR-01 AMB-LHR-101"), store.writes);
        assertEquals(Optional.of("AMB-LHR-101"), registry.vehicleOf("TRK-LHR-01"));
    }

    @Test
    void startupSkipsUnchangedAssignment() {
        store.add(new KnownDevice("TRK-LHR-01", NMEA, "AMB-LHR-101", T0, T0));

        new DeviceRegistryService(store, TestDevicesConfig.of("TRK-LHR-01=AMB-LHR-101"), clock);

        assertEquals(List.of(), store.writes);
    }

    @Test
    void invalidAssignmentsRejectedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceRegistryService(store, TestDevicesConfig.of("TRK-LHR-01"), clock));

        assertTrue(e.getMessage().contains("TRK-LHR-01"), e.getMessage());
    }

    @Test
    void countersPerDevice() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);
        registry.contact("TRK-KHI-01", NMEA);

        registry.fixReceived("TRK-LHR-01");
        registry.fixReceived("TRK-LHR-01");
        registry.fixReceived("TRK-LHR-01");
        registry.error("TRK-LHR-01", DeviceErrorKind.BAD_CHECKSUM);
        registry.error("TRK-LHR-01", DeviceErrorKind.BAD_CHECKSUM);
        registry.error("TRK-LHR-01", DeviceErrorKind.FRAME_TOO_LONG);
        registry.fixReceived("TRK-KHI-01");

        DeviceInfo lahore = registry.find("TRK-LHR-01").orElseThrow();
        assertEquals(3, lahore.fixesReceived());
        assertEquals(2, errors(lahore, DeviceErrorKind.BAD_CHECKSUM));
        assertEquals(1, errors(lahore, DeviceErrorKind.FRAME_TOO_LONG));
        assertEquals(0, errors(lahore, DeviceErrorKind.UNPARSEABLE));
        assertEquals(3, lahore.errorCount());
        assertEquals(1, registry.find("TRK-KHI-01").orElseThrow().fixesReceived());
    }

    @Test
    void unknownDeviceCountersIgnored() {
        DeviceRegistryService registry = registry();

        registry.fixReceived("TRK-XXX-99");
        registry.error("TRK-XXX-99", DeviceErrorKind.UNPARSEABLE);
        registry.disconnected("TRK-XXX-99");

        assertEquals(Optional.empty(), registry.find("TRK-XXX-99"));
        assertEquals(List.of(), store.writes);
    }

    @Test
    void connectionsCounted() {
        DeviceRegistryService registry = registry();

        registry.connected("TRK-LHR-01", NMEA);
        registry.connected("TRK-LHR-01", NMEA);
        assertTrue(registry.find("TRK-LHR-01").orElseThrow().connected());

        registry.disconnected("TRK-LHR-01");
        assertTrue(registry.find("TRK-LHR-01").orElseThrow().connected(), "one of two connections is still open");

        registry.disconnected("TRK-LHR-01");
        assertFalse(registry.find("TRK-LHR-01").orElseThrow().connected());
    }

    @Test
    void extraDisconnectDoesNotGoNegative() {
        DeviceRegistryService registry = registry();
        registry.connected("TRK-LHR-01", NMEA);
        registry.disconnected("TRK-LHR-01");
        registry.disconnected("TRK-LHR-01");

        registry.connected("TRK-LHR-01", NMEA);

        assertTrue(registry.find("TRK-LHR-01").orElseThrow().connected());
    }

    @Test
    void assignUnknownDeviceRejected() {
        DeviceRegistryService registry = registry();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.assign("TRK-XXX-99", "AMB-LHR-101"));

        assertTrue(e.getMessage().contains("device 'TRK-XXX-99' is unknown"), e.getMessage());
        assertEquals(List.of(), store.writes);
    }

    @Test
    void assignInvalidVehicleRejected() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.assign("TRK-LHR-01", "AMB LHR"));

        assertTrue(e.getMessage().contains("vehicle id 'AMB LHR' is invalid"), e.getMessage());
        assertEquals(Optional.empty(), registry.vehicleOf("TRK-LHR-01"));
    }

    @Test
    void assignBeforeRegistrationKeepsVehicle() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);

        registry.assign("TRK-LHR-01", "AMB-LHR-101");
        registry.registerNewDevices();

        assertEquals("AMB-LHR-101", store.devices.get("TRK-LHR-01").vehicleId());
    }

    @Test
    void failedRegistrationRetried() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);
        store.failTouch = true;

        assertEquals(0, registry.registerNewDevices());
        assertNull(store.devices.get("TRK-LHR-01"));

        store.failTouch = false;
        assertEquals(1, registry.registerNewDevices());
        assertEquals(NMEA, store.devices.get("TRK-LHR-01").protocol());
    }

    @Test
    void assignAndClear() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);

        registry.assign("TRK-LHR-01", "AMB-LHR-101");
        assertEquals(Optional.of("AMB-LHR-101"), registry.vehicleOf("TRK-LHR-01"));
        assertEquals("AMB-LHR-101", store.devices.get("TRK-LHR-01").vehicleId());

        registry.assign("TRK-LHR-01", null);
        assertEquals(Optional.empty(), registry.vehicleOf("TRK-LHR-01"));
        assertNull(store.devices.get("TRK-LHR-01").vehicleId());
    }

    @Test
    void contactsWrittenTogetherAndOnlyWhenChanged() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);
        registry.contact("TRK-KHI-01", NMEA);
        registry.registerNewDevices();
        store.writes.clear();

        for (int second = 1; second <= 25; second++) {
            clock.advance(Duration.ofSeconds(1));
            registry.contact("TRK-LHR-01", NMEA);
        }
        assertEquals(List.of(), store.writes, "a contact alone writes nothing");

        assertEquals(1, registry.persistContacts());
        assertEquals(List.of("touchAll {TRK-LHR-01=" + T0.plusSeconds(25) + "}"), store.writes);
        assertEquals(0, registry.persistContacts(), "nothing heard since the last write");
        assertEquals(1, store.writes.size());
    }

    @Test
    void staleStoredContactWrittenAtNextRun() {
        store.add(new KnownDevice("TRK-LHR-01", NMEA, null, T0.minusSeconds(7200), T0.minusSeconds(600)));
        DeviceRegistryService registry = registry();

        registry.contact("TRK-LHR-01", NMEA);
        registry.persistContacts();

        assertEquals(T0, store.devices.get("TRK-LHR-01").lastContact());
    }

    @Test
    void disconnectWritesNothingOnTheCallersThread() {
        DeviceRegistryService registry = registry();
        registry.connected("TRK-LHR-01", NMEA);
        registry.registerNewDevices();
        clock.advance(Duration.ofSeconds(10));
        registry.contact("TRK-LHR-01", NMEA);
        store.writes.clear();

        registry.disconnected("TRK-LHR-01");

        assertEquals(List.of(), store.writes);
        registry.persistContacts();
        assertEquals(T0.plusSeconds(10), store.devices.get("TRK-LHR-01").lastContact());
    }

    @Test
    void deactivatePersistsEveryDevice() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);
        registry.contact("TRK-KHI-01", NMEA);
        registry.registerNewDevices();
        clock.advance(Duration.ofSeconds(20));
        registry.contact("TRK-LHR-01", NMEA);
        store.writes.clear();

        registry.deactivate();

        assertEquals(T0.plusSeconds(20), store.devices.get("TRK-LHR-01").lastContact());
        assertEquals(T0, store.devices.get("TRK-KHI-01").lastContact());
        assertEquals(List.of("touchAll {TRK-LHR-01=" + T0.plusSeconds(20) + "}"), store.writes);
    }

    @Test
    void failedWriteKeepsContactAndRetries() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-01", NMEA);
        registry.registerNewDevices();
        store.failTouch = true;
        clock.advance(Duration.ofSeconds(60));
        registry.contact("TRK-LHR-01", NMEA);

        assertEquals(0, registry.persistContacts());
        assertEquals(T0.plusSeconds(60), registry.find("TRK-LHR-01").orElseThrow().lastContact());
        assertEquals(T0, store.devices.get("TRK-LHR-01").lastContact());

        store.failTouch = false;
        assertEquals(1, registry.persistContacts(), "the failed write is retried at the next run");
        assertEquals(T0.plusSeconds(60), store.devices.get("TRK-LHR-01").lastContact());
    }

    @Test
    void listOrderedById() {
        DeviceRegistryService registry = registry();
        registry.contact("TRK-LHR-02", NMEA);
        registry.contact("TRK-KHI-01", NMEA);
        registry.contact("TRK-LHR-01", NMEA);

        assertEquals(List.of("TRK-KHI-01", "TRK-LHR-01", "TRK-LHR-02"), registry.list().stream().map(DeviceInfo::deviceId).toList());
    }
}
