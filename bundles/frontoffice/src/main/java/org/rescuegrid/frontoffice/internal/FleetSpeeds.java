package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.rescuegrid.frontoffice.Location;

/**
 * Recent speeds of the fleet's moving vehicles per area, from their GPS fixes. Areas are cells of
 * 0.05 degrees (about 5.5 km north-south); the speed around a place is the mean of the samples in its
 * cell and the eight around it. Fixes below 5 km/h are standing vehicles and are left out.
 * Not thread-safe: the front office calls it under its own lock.
 */
final class FleetSpeeds {

    static final double CELL_DEGREES = 0.05;
    static final double MOVING_KMH = 5;
    // Bounds memory where many vehicles share a cell; the oldest samples go first.
    private static final int MAX_SAMPLES_PER_CELL = 2000;

    private record Sample(Instant time, double speedKmh) {
    }

    private final Duration window;
    private final Map<Long, ArrayDeque<Sample>> cells = new HashMap<>();

    FleetSpeeds(Duration window) {
        this.window = window;
    }

    void add(double latitude, double longitude, double speedKmh, Instant time) {
        if (speedKmh < MOVING_KMH || !Double.isFinite(speedKmh)) {
            return;
        }
        ArrayDeque<Sample> samples = cells.computeIfAbsent(cell(row(latitude), column(longitude)), k -> new ArrayDeque<>());
        samples.addLast(new Sample(time, speedKmh));
        if (samples.size() > MAX_SAMPLES_PER_CELL) {
            samples.removeFirst();
        }
    }

    /** Returns the mean recent speed around a place, or NaN when no moving fix is recent enough. */
    double meanKmh(Location place, Instant now) {
        Instant oldest = now.minus(window);
        int row = row(place.latitude());
        int column = column(place.longitude());
        double sum = 0;
        int count = 0;
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                ArrayDeque<Sample> samples = cells.get(cell(row + dr, column + dc));
                if (samples == null) {
                    continue;
                }
                for (Iterator<Sample> it = samples.iterator(); it.hasNext();) {
                    Sample sample = it.next();
                    if (sample.time().isBefore(oldest)) {
                        it.remove();
                    } else if (!sample.time().isAfter(now)) {
                        sum += sample.speedKmh();
                        count++;
                    }
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static int row(double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    private static int column(double longitude) {
        return (int) Math.floor(longitude / CELL_DEGREES);
    }

    private static long cell(int row, int column) {
        return ((long) row << 32) | (column & 0xffffffffL);
    }
}
