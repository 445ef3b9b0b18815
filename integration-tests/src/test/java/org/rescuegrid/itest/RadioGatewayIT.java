package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.rescuegrid.api.event.DeviceEventStore;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.api.event.StoredDeviceEvent;

/**
 * The radio driver against the demo's simulated gateway (a Milo server in the same Karaf): status changes
 * and the gateway's emergency-button and radio-offline events reach the store and HQ linked to the radio's
 * vehicle, and after the gateway restarts every change arrives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RadioGatewayIT extends RescueGridTestSupport {

    private static final String RADIO = "RADIO-LHR-101";
    private static final String VEHICLE = "AMB-LHR-101";
    private static final int STATUS_CODES = 6;

    @Inject
    @Filter(timeout = 120_000)
    protected DeviceEventStore events;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        // Every radio changes once a second; sampling five times as often catches each change. The gateway raises
        // an event every 2 s, so each of the four radios raises an emergency and then goes offline within 16 s.
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.radio.cfg", "stepSeconds", "1"),
                editConfigurationFilePut("etc/org.rescuegrid.simulator.radio.cfg", "eventSeconds", "2"),
                editConfigurationFilePut("etc/org.rescuegrid.driver.radio-demo.cfg", "publishingIntervalMs", "200"));
    }

    @Test
    public void statusChangesReachStoreAndHq() {
        waitFor("the demo gateway online", () -> executeCommand("rescue:gateway-list").contains("ONLINE"));
        waitFor("4 status events of " + RADIO, () -> statusEvents(Instant.EPOCH).size() >= 4);


        List<StoredDeviceEvent> stored = statusEvents(Instant.EPOCH);
        assertEquals(VEHICLE, stored.get(0).vehicleId());
        assertEquals("demo-lhr", stored.get(0).event().attributes().get("gateway"));
        // The restart test may have run first in this Karaf, and changes made while the gateway was down are
        // rightly missing, so only the events before the first outage must be consecutive.
        List<StoredDeviceEvent> beforeOutage = beforeFirstOutage(stored);
        assertCodesConsecutive(beforeOutage.subList(1, beforeOutage.size()));

        Set<String> ids = stored.stream().map(StoredDeviceEvent::eventId).collect(Collectors.toCollection(TreeSet::new));
        waitFor("the status events at HQ", () -> hqDeviceEventIds(RADIO).containsAll(ids));

        String radios = executeCommand("rescue:radio-list");
        assertTrue(radios, radios.matches("(?s).*" + RADIO + "\\s*\\|\\s*" + VEHICLE + "\\s*\\|\\s*demo-lhr\\s*\\|.*"));
    }

    @Test
    public void gatewayEventsReachStoreAndHq() {
        waitFor("a radio.emergency event of " + RADIO, () -> !events.recent(RADIO, DeviceEventTypes.RADIO_EMERGENCY, 10).isEmpty());
        waitFor("a radio.offline event raised by the gateway for " + RADIO, () -> !gatewayOfflineEvents().isEmpty());

        StoredDeviceEvent emergency = events.recent(RADIO, DeviceEventTypes.RADIO_EMERGENCY, 10).get(0);
        assertEquals(VEHICLE, emergency.vehicleId());
        assertEquals("demo-lhr", emergency.event().attributes().get("gateway"));
        assertEquals("1000", emergency.event().attributes().get("severity"));
        assertEquals("Emergency button pressed on " + RADIO, emergency.event().attributes().get("message"));
        StoredDeviceEvent offline = gatewayOfflineEvents().get(0);
        assertEquals(VEHICLE, offline.vehicleId());

        waitFor("the radio events at HQ", () -> hqDeviceEventIds(RADIO).containsAll(List.of(emergency.eventId(), offline.eventId())));
        String listed = executeCommand("rescue:device-events --type radio.emergency " + RADIO);
        assertTrue(listed, listed.contains("radio.emergency"));
        assertTrue(listed, listed.contains(VEHICLE));
        String gateways = executeCommand("rescue:gateway-list");
        assertTrue(gateways, gateways.contains("EmergencyButtonEventType,RadioOfflineEventType")
                || gateways.contains("RadioOfflineEventType,EmergencyButtonEventType"));
    }

    @Test
    public void gatewayRestartLosesNoStatusChange() throws Exception {
        // A radio's id is known once its values arrived, so wait for one of its events before the restart.
        waitFor("a status event of " + RADIO, () -> !statusEvents(Instant.EPOCH).isEmpty());
        Bundle simulators = bundle("org.rescuegrid.simulators");

        // Taken before the stop: the driver can report the radios offline while stop() is still stopping the cameras.
        Instant stopped = Instant.now();
        simulators.stop();
        try {
            waitFor("the gateway reconnecting", () -> executeCommand("rescue:gateway-list").contains("RECONNECTING"));
            waitFor("a radio.offline event of " + RADIO, () -> !events.recent(RADIO, DeviceEventTypes.RADIO_OFFLINE, 10).stream()
                    .filter(event -> event.receivedAt().isAfter(stopped) && !isGatewayEvent(event)).toList().isEmpty());
        } finally {
            simulators.start();
        }
        Instant restarted = Instant.now();
        waitFor("5 status events after the restart", () -> statusEvents(restarted).size() >= 5);

        String gateways = executeCommand("rescue:gateway-list");
        assertTrue(gateways, gateways.contains("ONLINE"));
        // The gateway changes the radio while the driver is still reconnecting, so only the changes after the
        // first one the driver saw again must be complete.
        List<StoredDeviceEvent> afterRestart = statusEvents(restarted);
        assertCodesConsecutive(afterRestart);
    }

    /** Returns the radio's radio.offline events that the gateway raised, newest first. */
    private List<StoredDeviceEvent> gatewayOfflineEvents() {
        return events.recent(RADIO, DeviceEventTypes.RADIO_OFFLINE, 100).stream().filter(RadioGatewayIT::isGatewayEvent).toList();
    }

    /** Returns whether the gateway raised the event, rather than the driver reporting a lost connection. */
    private static boolean isGatewayEvent(StoredDeviceEvent event) {
        return "gateway-event".equals(event.event().attributes().get("source"));
    }

    /** Returns the status events received before the driver first lost the gateway connection, or all of them. */
    private List<StoredDeviceEvent> beforeFirstOutage(List<StoredDeviceEvent> statusEvents) {
        Instant firstOutage = events.recent(RADIO, DeviceEventTypes.RADIO_OFFLINE, 1000).stream()
                .filter(event -> !isGatewayEvent(event))
                .map(StoredDeviceEvent::receivedAt)
                .min(Instant::compareTo)
                .orElse(Instant.MAX);
        return statusEvents.stream().filter(event -> event.receivedAt().isBefore(firstOutage)).toList();
    }

    /** Returns the radio's status events received after an instant, oldest first. */
    private List<StoredDeviceEvent> statusEvents(Instant after) {
        List<StoredDeviceEvent> found = new ArrayList<>(events.recent(RADIO, DeviceEventTypes.RADIO_STATUS, 1000));
        found.removeIf(event -> !event.receivedAt().isAfter(after));
        Collections.reverse(found);
        return found;
    }

    /**
     * Asserts that each status code follows the previous one, as the simulator steps 1 to 6 and back to 1. Repeated
     * codes are collapsed first: a step changes status, RSSI and battery together, and when a sample falls between
     * those writes the driver reports the step in two events.
     */
    private static void assertCodesConsecutive(List<StoredDeviceEvent> stored) {
        List<Integer> codes = new ArrayList<>();
        for (StoredDeviceEvent event : stored) {
            Integer code = Integer.valueOf(event.event().attributes().get("statusCode"));
            if (codes.isEmpty() || !codes.get(codes.size() - 1).equals(code)) {
                codes.add(code);
            }
        }
        for (int i = 1; i < codes.size(); i++) {
            assertEquals("status codes " + codes + " skip a change at index " + i, codes.get(i - 1) % STATUS_CODES + 1,
                    codes.get(i).intValue());
        }
    }

    private Set<String> hqDeviceEventIds(String deviceId) {
        Set<String> ids = new TreeSet<>();
        try (Connection connection = hqDatabase.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT event_id FROM hq_device_event WHERE device_id = ?")) {
            query.setString(1, deviceId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("HQ query failed: " + e.getMessage(), e);
        }
        return ids;
    }
}
