package org.rescuegrid.frontoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.device.DeviceInfo;
import org.rescuegrid.api.device.DeviceRegistry;
import org.rescuegrid.api.radio.RadioMessenger;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.Step;

class DispatchRadioTest {

    private static final Incident INCIDENT = new Incident("INC-000007", IncidentType.ROAD_TRAFFIC_ACCIDENT,
            new Location(31.5106, 74.3428, "Liberty Market"), 3, "bus and rickshaw", 1, Map.of(Step.CALL_RECEIVED, Instant.EPOCH), List.of(),
            null, null);

    private final List<String> sent = new ArrayList<>();

    @Test
    void sentToVehicleRadio() {
        Optional<String> radio = DispatchRadio.send(INCIDENT, "AMB-LHR-101", registry(), messenger(java.util.Set.of("RADIO-LHR-101"), false));

        assertEquals(Optional.of("RADIO-LHR-101"), radio);
        assertEquals(List.of("RADIO-LHR-101: DISPATCH INC-000007 road-traffic-accident at Liberty Market 31.51060,74.34280, 3 affected."
                + " bus and rickshaw"), sent);
    }

    @Test
    void notSentWithoutReachableRadio() {
        assertEquals(Optional.empty(), DispatchRadio.send(INCIDENT, "AMB-LHR-101", registry(), messenger(java.util.Set.of(), false)));
        assertEquals(Optional.empty(), DispatchRadio.send(INCIDENT, "AMB-LHR-103", registry(), messenger(java.util.Set.of("RADIO-LHR-101"), false)));
        assertEquals(Optional.empty(), DispatchRadio.send(INCIDENT, "AMB-LHR-101", null, messenger(java.util.Set.of("RADIO-LHR-101"), false)));
        assertEquals(Optional.empty(), DispatchRadio.send(INCIDENT, "AMB-LHR-101", registry(), null));
        assertEquals(List.of(), sent);
    }

    @Test
    void gatewayFailureKeepsDispatch() {
        assertEquals(Optional.empty(), DispatchRadio.send(INCIDENT, "AMB-LHR-101", registry(), messenger(java.util.Set.of("RADIO-LHR-101"), true)));
    }

    @Test
    void longMessageCut() {
        Incident wordy = new Incident("INC-000008", IncidentType.FIRE, new Location(31.5, 74.3, null), 0, "x".repeat(500), 1,
                Map.of(Step.CALL_RECEIVED, Instant.EPOCH), List.of(), null, null);

        String text = DispatchRadio.message(wordy);

        assertEquals(RadioMessenger.MAX_TEXT_LENGTH, text.length());
        assertTrue(text.startsWith("DISPATCH INC-000008 fire at 31.50000,74.30000. xxx"), text);
    }

    /** Returns a registry with a tracker and a radio on AMB-LHR-101 and a tracker on AMB-LHR-103. */
    private static DeviceRegistry registry() {
        List<DeviceInfo> devices = List.of(device("TRK-LHR-01", "AMB-LHR-101"), device("RADIO-LHR-101", "AMB-LHR-101"),
                device("868683020000001", "AMB-LHR-103"));
        return (DeviceRegistry) Proxy.newProxyInstance(DispatchRadioTest.class.getClassLoader(), new Class<?>[] {DeviceRegistry.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        return devices;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DeviceInfo device(String deviceId, String vehicleId) {
        return new DeviceInfo(deviceId, "test", vehicleId, null, null, true, 0, Map.of());
    }

    private RadioMessenger messenger(java.util.Set<String> reachable, boolean fail) {
        return new RadioMessenger() {
            @Override
            public boolean reaches(String radioId) {
                return reachable.contains(radioId);
            }

            @Override
            public void sendText(String radioId, String text) {
                if (fail) {
                    throw new IllegalStateException("gateway demo-lhr is not connected (RECONNECTING); try again when it is online");
                }
                sent.add(radioId + ": " + text);
            }
        };
    }
}
