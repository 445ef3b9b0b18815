package org.rescuegrid.driver.nmea.internal.decoder;

/**
 * WGS84 position in decimal degrees, north and east positive. The parsers only build values
 * inside -90..90 and -180..180, so a {@code PositionFix} made from them never rejects them.
 */
public record Coordinates(double latitude, double longitude) {
}
