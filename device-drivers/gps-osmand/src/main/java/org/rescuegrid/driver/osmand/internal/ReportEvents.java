package org.rescuegrid.driver.osmand.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandReport;

/**
 * Turns the {@code alarm} and {@code ignition} parameters into device events. Every report with an
 * alarm is one event; the ignition yields an event only when it differs from the device's previous
 * report to this endpoint, so the first report after a start sets the baseline.
 */
final class ReportEvents {

    /** Event type of an alarm value without a platform type; the value is in the {@code alarm} attribute. */
    static final String OTHER_ALARM = "tracker.alarm";
    private static final Map<String, String> ALARM_TYPES = Map.of(
            "sos", DeviceEventTypes.SOS,
            "powercut", DeviceEventTypes.POWER_CUT,
            "lowbattery", DeviceEventTypes.LOW_BATTERY,
            "hardbraking", DeviceEventTypes.HARSH_BRAKING,
            "hardacceleration", DeviceEventTypes.HARSH_ACCELERATION,
            "overspeed", DeviceEventTypes.OVERSPEED);

    private final Map<String, Boolean> ignitionByDevice = new ConcurrentHashMap<>();

    List<DeviceEvent> of(OsmandReport report) {
        List<DeviceEvent> events = new ArrayList<>(2);
        if (report.alarm() != null && !report.alarm().isBlank()) {
            String type = ALARM_TYPES.getOrDefault(report.alarm().strip().toLowerCase(Locale.ROOT), OTHER_ALARM);
            events.add(new DeviceEvent(report.deviceId(), type, report.time(), attributes(report)));
        }
        if (report.ignition() != null) {
            Boolean previous = ignitionByDevice.put(report.deviceId(), report.ignition());
            if (previous != null && !previous.equals(report.ignition())) {
                String type = report.ignition() ? DeviceEventTypes.IGNITION_ON : DeviceEventTypes.IGNITION_OFF;
                events.add(new DeviceEvent(report.deviceId(), type, report.time(), attributes(report)));
            }
        }
        return events;
    }

    private static Map<String, String> attributes(OsmandReport report) {
        Map<String, String> attributes = new HashMap<>();
        if (report.alarm() != null) {
            attributes.put("alarm", report.alarm());
        }
        if (report.fix() != null) {
            attributes.put("latitude", Double.toString(report.fix().latitude()));
            attributes.put("longitude", Double.toString(report.fix().longitude()));
        }
        return attributes;
    }
}
