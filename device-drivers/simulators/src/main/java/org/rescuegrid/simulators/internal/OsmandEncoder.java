package org.rescuegrid.simulators.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns the epochs of an NMEA log into the query strings of OsmAnd location reports, as the OsmAnd app and
 * Traccar Client before version 9 send them with HTTP GET: {@code id}, {@code timestamp} in seconds since
 * 1970 UTC, {@code lat} and {@code lon} in degrees, {@code speed} in knots, {@code bearing}, {@code altitude}
 * in metres and {@code hdop}. It keeps no state. Public for the benchmarks module.
 */
public final class OsmandEncoder {

    /** Returns the query string of the epoch's valid RMC, or an empty string when it has none. */
    String query(String deviceId, List<byte[]> lines) {
        return EpochFix.of(lines).map(fix -> query(deviceId, fix)).orElse("");
    }

    public String query(String deviceId, EpochFix fix) {
        StringBuilder query = new StringBuilder(160)
                .append("id=").append(URLEncoder.encode(deviceId, StandardCharsets.UTF_8))
                .append("&timestamp=").append(fix.time().getEpochSecond())
                .append("&lat=").append(String.format(Locale.ROOT, "%.7f", fix.latitude()))
                .append("&lon=").append(String.format(Locale.ROOT, "%.7f", fix.longitude()))
                .append("&speed=").append(String.format(Locale.ROOT, "%.2f", fix.speedKnots()))
                .append("&bearing=").append(fix.course())
                .append("&altitude=").append(String.format(Locale.ROOT, "%.1f", fix.altitude()));
        if (fix.hdop() != null) {
            query.append("&hdop=").append(String.format(Locale.ROOT, "%.2f", fix.hdop()));
        }
        return query.toString();
    }
}
