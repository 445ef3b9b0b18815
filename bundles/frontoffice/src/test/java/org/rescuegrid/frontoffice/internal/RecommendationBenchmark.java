package org.rescuegrid.frontoffice.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;

/**
 * Measures the dispatch recommendation and the intake of fixes for fleets and open-incident counts of
 * a province's size, and prints the figures. Not part of the normal build; run it with
 * {@code mvn -B -o -pl bundles/frontoffice -am verify -Dsurefire.excludedGroups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class RecommendationBenchmark {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    // Lahore district, about 30 x 30 km.
    private static final double LAT = 31.40;
    private static final double LON = 74.20;
    private static final double SPAN = 0.27;

    @Test
    void recommendationLatency() throws Exception {
        System.out.println("vehicles  open-incidents  fixes/s(intake)  recommend-mean-ms  recommend-p99-ms  recommend-max-ms");
        for (int[] size : new int[][] {{500, 100}, {2000, 500}, {5000, 1000}, {10000, 1000}}) {
            run(size[0], size[1]);
        }
    }

    private static void run(int vehicles, int incidents) throws Exception {
        Path etc = Files.createTempDirectory("fo-bench");
        writeFleet(etc, vehicles);
        TestNode node = new TestNode(START.plus(Duration.ofMinutes(10)), Map.of("duplicateDistanceMeters", 0), etc);
        Random random = new Random(42);

        // Each vehicle reports a moving fix every 10 s for 5 minutes, as trackers in the demo do.
        long fixes = 0;
        long intakeStart = System.nanoTime();
        for (int second = 0; second < 300; second += 10) {
            for (int v = 0; v < vehicles; v++) {
                Instant time = START.plus(Duration.ofMinutes(5)).plusSeconds(second);
                node.frontOffice.position(id(v), new PositionFix("D" + v, time, LAT + random.nextDouble() * SPAN, LON + random.nextDouble() * SPAN,
                        null, 10 + random.nextDouble() * 40, null, 8, 1.0, true));
                fixes++;
            }
        }
        double fixesPerSecond = fixes / ((System.nanoTime() - intakeStart) / 1e9);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            Location place = Location.of(LAT + random.nextDouble() * SPAN, LON + random.nextDouble() * SPAN);
            NewCall call = new NewCall(START.plus(Duration.ofMinutes(9)), null, null, place, null, IncidentType.ROAD_TRAFFIC_ACCIDENT, 1, null,
                    org.rescuegrid.frontoffice.Disposition.EMERGENCY, null, true, "bench");
            ids.add(node.frontOffice.receiveCall(call).incidentId());
        }

        for (int i = 0; i < 200; i++) {
            node.frontOffice.recommend(ids.get(i % ids.size()));
        }
        int runs = 1000;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            node.frontOffice.recommend(ids.get(random.nextInt(ids.size())));
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "%8d  %14d  %15.0f  %17.3f  %16.3f  %16.3f%n", vehicles, incidents, fixesPerSecond, mean,
                nanos[(int) (runs * 0.99) - 1] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static void writeFleet(Path etc, int vehicles) throws IOException {
        StringBuilder gazetteer = new StringBuilder();
        int stations = Math.max(1, vehicles / 25);
        Random random = new Random(7);
        for (int s = 0; s < stations; s++) {
            gazetteer.append(String.format(Locale.ROOT, "station,S%d,%.5f,%.5f%n", s, LAT + random.nextDouble() * SPAN, LON + random.nextDouble() * SPAN));
        }
        gazetteer.append("hospital,H1,31.5758,74.3152\n");
        Files.writeString(etc.resolve("rescuegrid-gazetteer.csv"), gazetteer);
        StringBuilder fleet = new StringBuilder();
        String[] types = {"ambulance", "ambulance", "rescue", "fire", "motorbike"};
        for (int v = 0; v < vehicles; v++) {
            fleet.append(id(v)).append(',').append(types[v % types.length]).append(",S").append(v % stations).append('\n');
        }
        Files.writeString(etc.resolve("rescuegrid-vehicles.csv"), fleet);
    }

    private static String id(int v) {
        return "V" + v;
    }
}
