package org.rescuegrid.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.api.device.KnownDevice;
import org.rescuegrid.testing.EmbeddedDerby;

class DerbyDeviceStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private DerbyDeviceStore devices;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        devices = new DerbyDeviceStore(new StoreDatabase(derby.dataSource()));
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    @Test
    void upsertInsertsNewDevice() {
        devices.upsert("TRK-LHR-01", "nmea", T0);

        assertEquals(List.of(new KnownDevice("TRK-LHR-01", "nmea", null, T0, T0)), devices.all());
    }

    @Test
    void upsertUpdatesKnownDevice() {
        devices.upsert("TRK-LHR-01", "nmea", T0);

        devices.upsert("TRK-LHR-01", "teltonika", T0.plusSeconds(60));

        KnownDevice device = devices.all().get(0);
        assertEquals(1, devices.all().size());
        assertEquals("teltonika", device.protocol());
        assertEquals(T0, device.firstSeen());
        assertEquals(T0.plusSeconds(60), device.lastContact());
    }

    @Test
    void touchSetsLastContact() {
        devices.upsert("TRK-LHR-01", "nmea", T0);

        devices.touch("TRK-LHR-01", T0.plusSeconds(90));

        assertEquals(T0.plusSeconds(90), devices.all().get(0).lastContact());
        assertEquals(T0, devices.all().get(0).firstSeen());
    }

    @Test
    void touchAllSkipsUnknownDevices() {
        devices.upsert("TRK-LHR-01", "nmea", T0);
        devices.upsert("TRK-KHI-01", "gt06", T0);

        devices.touchAll(Map.of("TRK-LHR-01", T0.plusSeconds(30), "TRK-KHI-01", T0.plusSeconds(45),
                "TRK-NOT-SEEN", T0.plusSeconds(50)));

        assertEquals(List.of(T0.plusSeconds(45), T0.plusSeconds(30)), devices.all().stream().map(KnownDevice::lastContact).toList());
        assertEquals(2, devices.all().size(), "an unknown device is not created by a contact write");
    }

    @Test
    void assignKnownDevice() {
        devices.upsert("TRK-LHR-01", "nmea", T0);

        assertTrue(devices.assign("TRK-LHR-01", "AMB-LHR-101"));
        assertEquals("AMB-LHR-101", devices.all().get(0).vehicleId());
    }

    @Test
    void assignNullClearsVehicle() {
        devices.upsert("TRK-LHR-01", "nmea", T0);
        devices.assign("TRK-LHR-01", "AMB-LHR-101");

        assertTrue(devices.assign("TRK-LHR-01", null));
        assertNull(devices.all().get(0).vehicleId());
    }

    @Test
    void assignUnknownDeviceReturnsFalse() {
        assertFalse(devices.assign("TRK-XXX-99", "AMB-LHR-101"));
        assertEquals(List.of(), devices.all());
    }

    @Test
    void allOrderedById() {
        devices.upsert("TRK-LHR-02", "nmea", T0);
        devices.upsert("TRK-KHI-01", "nmea", T0);
        devices.upsert("TRK-LHR-01", "nmea", T0);

        List<String> ids = devices.all().stream().map(KnownDevice::deviceId).toList();

        assertEquals(List.of("TRK-KHI-01", "TRK-LHR-01", "TRK-LHR-02"), ids);
    }

    @Test
    void devicesSurviveRestart() throws SQLException {
        devices.upsert("TRK-LHR-01", "nmea", T0);
        devices.assign("TRK-LHR-01", "AMB-LHR-101");
        derby.close();

        EmbeddedDerby reopened = new EmbeddedDerby(directory);
        try {
            DerbyDeviceStore restarted = new DerbyDeviceStore(new StoreDatabase(reopened.dataSource()));

            assertEquals(List.of(new KnownDevice("TRK-LHR-01", "nmea", "AMB-LHR-101", T0, T0)), restarted.all());
        } finally {
            reopened.close();
        }
    }

    @Test
    void tooLongIdReported() {
        String id = "T".repeat(65);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> devices.upsert(id, "nmea", T0));

        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertEquals(List.of(), devices.all());
    }
}
