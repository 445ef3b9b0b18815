package org.rescuegrid.driver.teltonika.internal.decoder;

import java.time.Instant;
import java.util.Map;

/**
 * One AVL record: the GPS element and the IO elements of one moment.
 *
 * @param time UTC time of the record
 * @param priority 0 low, 1 high, 2 panic
 * @param longitude WGS84 degrees, east positive
 * @param latitude WGS84 degrees, north positive
 * @param altitude metres above sea level
 * @param angle heading in degrees from north, 0-360
 * @param satellites satellites in use; 0 means the tracker had no fix
 * @param speedKmh ground speed in km/h
 * @param eventIoId id of the IO element whose change generated the record, 0 for a periodic record
 * @param io values of the fixed-size IO elements (1, 2, 4 or 8 bytes, read as unsigned except 8-byte ones) by IO id
 */
public record AvlRecord(Instant time, int priority, double longitude, double latitude, int altitude, int angle, int satellites,
        int speedKmh, int eventIoId, Map<Integer, Long> io) {

    public AvlRecord {
        io = Map.copyOf(io);
    }
}
