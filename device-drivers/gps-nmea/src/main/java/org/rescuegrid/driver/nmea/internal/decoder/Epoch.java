package org.rescuegrid.driver.nmea.internal.decoder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rescuegrid.api.position.PositionFix;

/**
 * The sentences of one epoch (one UTC time of day) merged into the values of one fix.
 *
 * <p>Merge rules:
 * <ul>
 * <li>For position, altitude, speed, course and HDOP the first sentence that reports a value
 * wins, because all sentences of one epoch describe the same measurement.</li>
 * <li>Satellites: a GN (combined) GGA gives the total. Without one, the counts of GGAs from
 * different talkers are added up, because receivers that send one GGA per constellation
 * (SiRFstarV: GPGGA and GLGGA) count only that constellation's satellites in each.</li>
 * <li>Validity: the fix is valid only if at least one sentence calls it valid and none calls it
 * invalid. Receivers disagree within an epoch (Haicom HI-305N sends RMC status V with VTG mode
 * A), and a dispatcher must not act on a position any source doubts.</li>
 * </ul>
 */
final class Epoch {

    private static final String COMBINED_TALKER = "GN";

    private final LocalTime timeOfDay;
    private LocalDate date;
    private Coordinates position;
    private Double altitude;
    private Double speedKmh;
    private Double course;
    private Double hdop;
    private final Map<String, Integer> satellitesByTalker = new LinkedHashMap<>();
    private boolean reportedValid;
    private boolean reportedInvalid;

    Epoch(LocalTime timeOfDay) {
        this.timeOfDay = timeOfDay;
    }

    LocalTime timeOfDay() {
        return timeOfDay;
    }

    /** Returns the date from an RMC of this epoch, or null when none had one. */
    LocalDate date() {
        return date;
    }

    boolean hasPosition() {
        return position != null;
    }

    void add(NmeaSentence sentence) {
        if (sentence instanceof RmcSentence rmc) {
            addRmc(rmc);
        } else if (sentence instanceof GgaSentence gga) {
            addGga(gga);
        } else if (sentence instanceof VtgSentence vtg) {
            speedKmh = firstOf(speedKmh, vtg.speedKmh());
            course = firstOf(course, vtg.courseTrue());
        } else if (sentence instanceof GllSentence gll) {
            position = firstOf(position, gll.position());
        }
        addValidity(sentence.validity());
    }

    private void addRmc(RmcSentence rmc) {
        date = firstOf(date, rmc.date());
        position = firstOf(position, rmc.position());
        if (rmc.speedKnots() != null) {
            speedKmh = firstOf(speedKmh, rmc.speedKnots() * Speeds.KMH_PER_KNOT);
        }
        course = firstOf(course, rmc.courseTrue());
    }

    private void addGga(GgaSentence gga) {
        position = firstOf(position, gga.position());
        altitude = firstOf(altitude, gga.altitude());
        hdop = firstOf(hdop, gga.hdop());
        if (gga.satellites() != null) {
            satellitesByTalker.putIfAbsent(gga.talker(), gga.satellites());
        }
    }

    private void addValidity(Boolean validity) {
        if (Boolean.TRUE.equals(validity)) {
            reportedValid = true;
        } else if (Boolean.FALSE.equals(validity)) {
            reportedInvalid = true;
        }
    }

    private Integer satellites() {
        if (satellitesByTalker.isEmpty()) {
            return null;
        }
        Integer combined = satellitesByTalker.get(COMBINED_TALKER);
        if (combined != null) {
            return combined;
        }
        return satellitesByTalker.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Builds the fix for {@code fixDate}. Only call this when {@link #hasPosition()} is true. */
    PositionFix toFix(String deviceId, LocalDate fixDate) {
        return new PositionFix(
                deviceId,
                fixDate.atTime(timeOfDay).toInstant(ZoneOffset.UTC),
                position.latitude(),
                position.longitude(),
                altitude,
                speedKmh,
                course,
                satellites(),
                hdop,
                reportedValid && !reportedInvalid);
    }

    private static <T> T firstOf(T current, T candidate) {
        return current != null ? current : candidate;
    }
}
