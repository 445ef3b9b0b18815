package org.rescuegrid.frontoffice.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.rescuegrid.frontoffice.Location;

/**
 * Recent speeds of the fleet's moving vehicles per area, from their GPS fixes. Areas are cells of
 * 0.05 degrees (about 5.5 km north-south); the speed around a place is the mean of the samples in its
 * cell and the eight around it. Fixes below 5 km/h are standing vehicles and are left out.
 * It also keeps each cell's mean speed per clock hour for the history period: an ETA uses the same hour
 * of day on earlier days where no recent fix is near, and each completed hour is reported to HQ once.
 * Not thread-safe: the front office calls it under its own lock.
 */
final class FleetSpeeds {

    static final double CELL_DEGREES = 0.05;
    static final double MOVING_KMH = 5;
    // Bounds memory where many vehicles share a cell; the oldest samples go first.
    private static final int MAX_SAMPLES_PER_CELL = 2000;

    private record Sample(Instant time, double speedKmh) {
    }

    /** Mean speed of the moving fixes in one cell during one clock hour (UTC). */
    record HourlySpeed(int row, int column, Instant hour, int samples, double meanKmh) {

        double centreLatitude() {
            return (row + 0.5) * CELL_DEGREES;
        }

        double centreLongitude() {
            return (column + 0.5) * CELL_DEGREES;
        }
    }

    private static final class Total {
        int samples;
        double sumKmh;
    }

    private final Duration window;
    private final Duration history;
    private final Map<Long, ArrayDeque<Sample>> cells = new HashMap<>();
    private final TreeMap<Instant, Map<Long, Total>> hours = new TreeMap<>();
    // Hours before this one have been returned by completedHours and take no more samples.
    private Instant reportedBefore;

    FleetSpeeds(Duration window, Duration history) {
        this.window = window;
        this.history = history;
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
        Instant hour = time.truncatedTo(ChronoUnit.HOURS);
        if (reportedBefore == null || !hour.isBefore(reportedBefore)) {
            Total total = hours.computeIfAbsent(hour, h -> new HashMap<>()).computeIfAbsent(cell(row(latitude), column(longitude)), k -> new Total());
            total.samples++;
            total.sumKmh += speedKmh;
        }
    }

    /**
     * Returns the hourly speeds of every hour that ended at or before {@code now}'s hour and was not returned
     * before, by hour, row and column; they take no more samples. Also drops hours older than the history period.
     */
    List<HourlySpeed> completedHours(Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        List<HourlySpeed> result = new ArrayList<>();
        for (Map.Entry<Instant, Map<Long, Total>> hour : hours.headMap(current).entrySet()) {
            if (reportedBefore != null && hour.getKey().isBefore(reportedBefore)) {
                continue;
            }
            for (Map.Entry<Long, Total> cell : hour.getValue().entrySet()) {
                Total total = cell.getValue();
                result.add(new HourlySpeed((int) (cell.getKey() >> 32), (int) (long) cell.getKey(), hour.getKey(), total.samples,
                        total.sumKmh / total.samples));
            }
        }
        if (reportedBefore == null || current.isAfter(reportedBefore)) {
            reportedBefore = current;
        }
        hours.headMap(now.minus(history)).clear();
        result.sort(Comparator.comparing(HourlySpeed::hour).thenComparingInt(HourlySpeed::row).thenComparingInt(HourlySpeed::column));
        return result;
    }

    /**
     * Returns the mean speed around a place in the same clock hour on earlier days within the history period,
     * or NaN when the fleet drove there at that hour on none of them.
     */
    double typicalKmh(Location place, Instant now) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        int row = row(place.latitude());
        int column = column(place.longitude());
        double sum = 0;
        int count = 0;
        for (Instant hour = current.minus(Duration.ofDays(1)); !hour.isBefore(now.minus(history)); hour = hour.minus(Duration.ofDays(1))) {
            Map<Long, Total> totals = hours.get(hour);
            if (totals == null) {
                continue;
            }
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    Total total = totals.get(cell(row + dr, column + dc));
                    if (total != null) {
                        sum += total.sumKmh;
                        count += total.samples;
                    }
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
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
