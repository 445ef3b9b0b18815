package org.rescuegrid.driver.gt06.internal.decoder;

import java.time.Instant;

import org.rescuegrid.api.position.PositionFix;

/**
 * The GPS block that location and alarm packets share.
 *
 * @param time UTC time of the fix
 * @param satellites satellites used in the fix
 * @param latitude WGS84 degrees, north positive
 * @param longitude WGS84 degrees, east positive
 * @param speedKmh ground speed in km/h
 * @param course course over ground in degrees true, 0-360
 * @param positioned whether the receiver had a fix ("GPS positioned" bit)
 * @param differential whether the fix is differential rather than real-time
 */
public record GpsData(Instant time, int satellites, double latitude, double longitude, int speedKmh, int course, boolean positioned,
        boolean differential) {

    public PositionFix toFix(String deviceId) {
        return new PositionFix(deviceId, time, latitude, longitude, null, (double) speedKmh, (double) course, satellites, null, positioned);
    }
}
