package org.rescuegrid.driver.teltonika.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlRecord;

/**
 * Turns AVL records into device events. A record is an event when its event IO id names an IO element
 * whose change generated it; the ids are those of Teltonika's FMB series, which other current models share.
 * A record of panic priority is an SOS event whatever its event IO id.
 */
final class AvlEvents {

    static final int IO_IGNITION = 239;
    static final int IO_ALARM = 236;
    static final int IO_UNPLUG = 252;
    static final int IO_GREEN_DRIVING_TYPE = 253;
    static final int IO_OVERSPEEDING = 255;
    static final int IO_CRASH = 247;
    static final int IO_HDOP = 182;
    static final int PRIORITY_PANIC = 2;

    static final String HARSH_CORNERING = "tracker.harsh-cornering";
    static final String CRASH = "tracker.crash";

    private AvlEvents() {
    }

    static List<DeviceEvent> of(String deviceId, AvlRecord record) {
        String type = typeOf(record);
        if (type == null) {
            return List.of();
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("eventIoId", Integer.toString(record.eventIoId()));
        Long value = record.io().get(record.eventIoId());
        if (value != null) {
            attributes.put("value", Long.toString(value));
        }
        attributes.put("priority", Integer.toString(record.priority()));
        attributes.put("latitude", Double.toString(record.latitude()));
        attributes.put("longitude", Double.toString(record.longitude()));
        attributes.put("speedKmh", Integer.toString(record.speedKmh()));
        return List.of(new DeviceEvent(deviceId, type, record.time(), attributes));
    }

    private static String typeOf(AvlRecord record) {
        if (record.priority() == PRIORITY_PANIC) {
            return DeviceEventTypes.SOS;
        }
        Long value = record.io().get(record.eventIoId());
        if (value == null) {
            return null;
        }
        return switch (record.eventIoId()) {
            case IO_IGNITION -> value == 1 ? DeviceEventTypes.IGNITION_ON : DeviceEventTypes.IGNITION_OFF;
            case IO_ALARM -> value == 1 ? DeviceEventTypes.SOS : null;
            case IO_UNPLUG -> value == 1 ? DeviceEventTypes.POWER_CUT : null;
            case IO_GREEN_DRIVING_TYPE -> greenDriving(value);
            case IO_OVERSPEEDING -> DeviceEventTypes.OVERSPEED;
            case IO_CRASH -> value > 0 ? CRASH : null;
            default -> null;
        };
    }

    private static String greenDriving(long type) {
        if (type == 1) {
            return DeviceEventTypes.HARSH_ACCELERATION;
        }
        if (type == 2) {
            return DeviceEventTypes.HARSH_BRAKING;
        }
        return type == 3 ? HARSH_CORNERING : null;
    }
}
