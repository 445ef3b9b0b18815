package org.rescuegrid.driver.gt06.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.driver.gt06.internal.decoder.GpsData;
import org.rescuegrid.driver.gt06.internal.decoder.TerminalStatus;

/**
 * Turns the status blocks of one connection into device events. An alarm packet is one event. A status
 * packet repeats the terminal's state every few minutes, so it yields an event only when the alarm state
 * or the ignition changes. The first status of a connection sets the baseline for the ignition and yields
 * no ignition event, because the state before the connection is unknown.
 */
final class StatusEvents {

    static final String SHOCK = "tracker.shock";
    static final String GEOFENCE_ENTER = "tracker.geofence-enter";
    static final String GEOFENCE_EXIT = "tracker.geofence-exit";

    private Boolean ignitionOn;
    private String alarmType;

    List<DeviceEvent> fromAlarm(String deviceId, GpsData gps, TerminalStatus status) {
        List<DeviceEvent> events = new ArrayList<>(2);
        String type = alarmType(status);
        if (type != null) {
            Map<String, String> attributes = attributes(status);
            attributes.put("latitude", Double.toString(gps.latitude()));
            attributes.put("longitude", Double.toString(gps.longitude()));
            attributes.put("speedKmh", Integer.toString(gps.speedKmh()));
            attributes.put("positioned", Boolean.toString(gps.positioned()));
            events.add(new DeviceEvent(deviceId, type, gps.time(), attributes));
        }
        alarmType = type;
        ignition(deviceId, gps.time(), status).ifPresent(events::add);
        return events;
    }

    List<DeviceEvent> fromStatus(String deviceId, Instant received, TerminalStatus status) {
        List<DeviceEvent> events = new ArrayList<>(2);
        String type = alarmType(status);
        if (type != null && !type.equals(alarmType)) {
            events.add(new DeviceEvent(deviceId, type, received, attributes(status)));
        }
        alarmType = type;
        ignition(deviceId, received, status).ifPresent(events::add);
        return events;
    }

    private Optional<DeviceEvent> ignition(String deviceId, Instant time, TerminalStatus status) {
        Boolean previous = ignitionOn;
        ignitionOn = status.ignitionOn();
        if (previous == null || previous == status.ignitionOn()) {
            return Optional.empty();
        }
        String type = status.ignitionOn() ? DeviceEventTypes.IGNITION_ON : DeviceEventTypes.IGNITION_OFF;
        return Optional.of(new DeviceEvent(deviceId, type, time, attributes(status)));
    }

    /** Returns the event type of the alarm code, or of the terminal-info alarm bits when the code is 0; null when neither is set. */
    static String alarmType(TerminalStatus status) {
        return switch (status.alarm()) {
            case TerminalStatus.ALARM_SOS -> DeviceEventTypes.SOS;
            case TerminalStatus.ALARM_POWER_CUT -> DeviceEventTypes.POWER_CUT;
            case TerminalStatus.ALARM_SHOCK -> SHOCK;
            case TerminalStatus.ALARM_GEOFENCE_ENTER -> GEOFENCE_ENTER;
            case TerminalStatus.ALARM_GEOFENCE_EXIT -> GEOFENCE_EXIT;
            default -> switch (status.alarmState()) {
                case TerminalStatus.STATE_SOS -> DeviceEventTypes.SOS;
                case TerminalStatus.STATE_POWER_CUT -> DeviceEventTypes.POWER_CUT;
                case TerminalStatus.STATE_LOW_BATTERY -> DeviceEventTypes.LOW_BATTERY;
                case TerminalStatus.STATE_SHOCK -> SHOCK;
                default -> null;
            };
        };
    }

    private static Map<String, String> attributes(TerminalStatus status) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("terminalInfo", String.format("0x%02X", status.terminalInfo()));
        attributes.put("alarmCode", Integer.toString(status.alarm()));
        attributes.put("voltageLevel", Integer.toString(status.voltageLevel()));
        attributes.put("gsmSignal", Integer.toString(status.gsmSignal()));
        attributes.put("ignition", status.ignitionOn() ? "on" : "off");
        attributes.put("charging", Boolean.toString(status.charging()));
        return attributes;
    }
}
