package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader for the TPV (time-position-velocity) reports in gpsd's {@code .chk} output, enough to
 * compare fixes. gpsd writes one flat JSON object per line, so a regex per key is enough.
 */
final class GpsdReports {

    /**
     * One TPV report: position in degrees, altitude in metres MSL, speed in m/s, track in
     * degrees true, mode 1 (no fix), 2 (2D) or 3 (3D). Absent values are null.
     */
    record Tpv(Instant time, Double latitude, Double longitude, Double altitude, Double speedMps, Double track,
            int mode) {
    }

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    private GpsdReports() {
    }

    /**
     * Returns the first TPV report with a time and a position for each time in the file. gpsd
     * prints the time only once an RMC has given it the date, and by then it has merged the
     * epoch's sentences. Later TPVs of the same time are not used, because in mixed-protocol
     * logs gpsd also merges the receiver's binary navigation messages, whose positions carry
     * more digits than NMEA.
     */
    static Map<Instant, Tpv> firstTpvByTime(String logName) {
        Map<Instant, Tpv> reports = new LinkedHashMap<>();
        for (String line : Fixtures.checkLines(logName)) {
            if (!line.startsWith("{\"class\":\"TPV\"")) {
                continue;
            }
            Matcher time = TIME.matcher(line);
            Double latitude = number(line, "lat");
            if (!time.find() || latitude == null) {
                continue;
            }
            Tpv tpv = new Tpv(Instant.parse(time.group(1)), latitude, number(line, "lon"), number(line, "altMSL"),
                    number(line, "speed"), number(line, "track"), number(line, "mode").intValue());
            reports.putIfAbsent(tpv.time(), tpv);
        }
        return reports;
    }

    private static Double number(String line, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(line);
        return matcher.find() ? Double.valueOf(matcher.group(1)) : null;
    }
}
