package org.rescuegrid.frontoffice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rescuegrid.frontoffice.Location;

/**
 * Writes the "traffic" records for HQ: the fleet's mean speed per cell and clock hour, and as congestion
 * measure the share by which it falls short of free-flowing traffic, {@code max(0, 1 - mean / freeFlow)}.
 */
final class TrafficRecords {

    static final String RECORD = "traffic";

    private TrafficRecords() {
    }

    /** Appends one record per hour of {@code speeds}, which are sorted by hour. */
    static void append(Connection connection, List<FleetSpeeds.HourlySpeed> speeds, double freeFlowKmh, Districts districts, Instant now)
            throws SQLException {
        Map<Instant, List<Map<String, Object>>> byHour = new LinkedHashMap<>();
        for (FleetSpeeds.HourlySpeed speed : speeds) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("row", speed.row());
            cell.put("column", speed.column());
            cell.put("latitude", round(speed.centreLatitude(), 3));
            cell.put("longitude", round(speed.centreLongitude(), 3));
            cell.put("district", districts.districtOf(Location.of(speed.centreLatitude(), speed.centreLongitude())));
            cell.put("samples", speed.samples());
            cell.put("meanSpeedKmh", round(speed.meanKmh(), 1));
            cell.put("congestion", congestion(speed.meanKmh(), freeFlowKmh));
            byHour.computeIfAbsent(speed.hour(), h -> new ArrayList<>()).add(cell);
        }
        for (Map.Entry<Instant, List<Map<String, Object>>> hour : byHour.entrySet()) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("hour", hour.getKey());
            payload.put("cellDegrees", FleetSpeeds.CELL_DEGREES);
            payload.put("freeFlowKmh", freeFlowKmh);
            payload.put("cells", hour.getValue());
            OutboxRecords.append(connection, UUID.randomUUID().toString(), RECORD, now, payload);
        }
    }

    /** Returns 0 for free-flowing traffic up to 1 for standing traffic, to two decimals. */
    static double congestion(double meanKmh, double freeFlowKmh) {
        return round(Math.max(0, 1 - meanKmh / freeFlowKmh), 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
