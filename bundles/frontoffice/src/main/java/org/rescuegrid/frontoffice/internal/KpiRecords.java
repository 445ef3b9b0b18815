package org.rescuegrid.frontoffice.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;

/**
 * Writes the "kpi" record of one district and shift for HQ. Its event id is derived from district, day and
 * shift, so a shift sent again, after a restart for example, is stored once at HQ.
 */
final class KpiRecords {

    static final String RECORD = "kpi";

    private KpiRecords() {
    }

    static String eventId(String district, KpiCalendar.ShiftDay shift) {
        String key = "kpi/" + district + "/" + shift.day() + "/" + shift.shift().name();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static void append(Connection connection, String district, KpiCalendar.ShiftDay shift, Kpi kpi, Instant now) throws SQLException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("district", district);
        payload.put("day", shift.day().toString());
        payload.put("shift", shift.shift().name());
        payload.put("from", kpi.from());
        payload.put("to", kpi.to());
        Map<String, Long> calls = new LinkedHashMap<>();
        for (Map.Entry<Disposition, Long> entry : kpi.callsByDisposition().entrySet()) {
            calls.put(entry.getKey().label(), entry.getValue());
        }
        payload.put("callsByDisposition", calls);
        Map<String, Long> incidents = new LinkedHashMap<>();
        for (Map.Entry<IncidentType, Long> entry : kpi.incidentsByType().entrySet()) {
            incidents.put(entry.getKey().label(), entry.getValue());
        }
        payload.put("incidentsByType", incidents);
        payload.put("targetSeconds", kpi.target().toSeconds());
        payload.put("responded", kpi.responded());
        payload.put("withinTarget", kpi.withinTarget());
        payload.put("response", stats(kpi.response()));
        payload.put("callHandling", stats(kpi.callHandling()));
        payload.put("dispatch", stats(kpi.dispatch()));
        payload.put("travel", stats(kpi.travel()));
        OutboxRecords.append(connection, eventId(district, shift), RECORD, now, payload);
    }

    private static Map<String, Object> stats(Kpi.Stats stats) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", stats.count());
        result.put("meanSeconds", seconds(stats.mean()));
        result.put("medianSeconds", seconds(stats.median()));
        result.put("p90Seconds", seconds(stats.p90()));
        return result;
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
