package org.rescuegrid.driver.osmand.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.event.DeviceEventTypes;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandReport;

class ReportEventsTest {

    private static final Instant TIME = Instant.parse("2026-12-04T10:00:00Z");

    private final ReportEvents events = new ReportEvents();

    @Test
    void alarmsMapToPlatformTypes() {
        assertEquals(List.of(DeviceEventTypes.SOS), types(report("sos", null)));
        assertEquals(List.of(DeviceEventTypes.POWER_CUT), types(report("powerCut", null)));
        assertEquals(List.of(DeviceEventTypes.LOW_BATTERY), types(report("lowBattery", null)));
        assertEquals(List.of(DeviceEventTypes.HARSH_BRAKING), types(report("hardBraking", null)));
        assertEquals(List.of(DeviceEventTypes.HARSH_ACCELERATION), types(report("hardAcceleration", null)));
        assertEquals(List.of(DeviceEventTypes.OVERSPEED), types(report("overspeed", null)));
    }

    @Test
    void unknownAlarmKeepsItsValue() {
        DeviceEvent event = events.of(report("door", null)).get(0);

        assertEquals(ReportEvents.OTHER_ALARM, event.type());
        assertEquals("door", event.attributes().get("alarm"));
        assertEquals(TIME, event.time());
    }

    @Test
    void ignitionEventOnChangeOnly() {
        assertEquals(List.of(), types(report(null, false)));
        assertEquals(List.of(), types(report(null, false)));
        assertEquals(List.of(DeviceEventTypes.IGNITION_ON), types(report(null, true)));
        assertEquals(List.of(DeviceEventTypes.IGNITION_OFF), types(report(null, false)));
    }

    private List<String> types(OsmandReport report) {
        return events.of(report).stream().map(DeviceEvent::type).toList();
    }

    private static OsmandReport report(String alarm, Boolean ignition) {
        return new OsmandReport("phone-7", TIME, null, alarm, ignition);
    }
}
