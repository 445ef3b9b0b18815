package org.rescuegrid.api.position;

import java.time.Instant;
import java.util.Objects;

/**
 * One position fix of one device: what a tracker reported for one epoch, in WGS84 degrees, metres,
 * km/h and degrees true. Optional values are {@code null} when the device did not report them.
 *
 * @param deviceId device that reported the fix
 * @param fixTime UTC time of the fix as the receiver measured it
 * @param latitude WGS84 latitude in degrees, north positive
 * @param longitude WGS84 longitude in degrees, east positive
 * @param altitude metres above mean sea level, or null
 * @param speedKmh ground speed in km/h, or null
 * @param course course over ground in degrees true, or null
 * @param satellites satellites used in the fix, or null
 * @param hdop horizontal dilution of precision, or null
 * @param valid whether the receiver flagged the fix as valid
 */
public record PositionFix(
        String deviceId,
        Instant fixTime,
        double latitude,
        double longitude,
        Double altitude,
        Double speedKmh,
        Double course,
        Integer satellites,
        Double hdop,
        boolean valid) {

    public PositionFix {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(fixTime, "fixTime");
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude " + latitude + " is outside -90..90 degrees");
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude " + longitude + " is outside -180..180 degrees");
        }
    }

    /** Returns a copy of this fix attributed to another device, used when a connection identifies itself late. */
    public PositionFix withDeviceId(String otherDeviceId) {
        return new PositionFix(otherDeviceId, fixTime, latitude, longitude, altitude, speedKmh, course, satellites, hdop, valid);
    }
}
