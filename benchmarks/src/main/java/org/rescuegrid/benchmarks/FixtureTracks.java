package org.rescuegrid.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.rescuegrid.simulators.internal.EpochFix;

/**
 * Recorded tracks and lines from the gpsd logs under fixtures/nmea, which the simulators bundle carries as
 * resources under {@code fixtures/nmea/}. The benchmarks encode their frames from these tracks, so every
 * decoder is measured on the positions of a real receiver.
 */
final class FixtureTracks {

    /** A chartplotter on a moving boat, about 400 m in 2.5 min with 146 valid RMC sentences: the longest moving track of the fixtures. */
    static final String MOVING_LOG = "bundg_zeus_9.log";

    private FixtureTracks() {
    }

    static byte[] log(String name) {
        String resource = "fixtures/nmea/" + name;
        try (InputStream in = FixtureTracks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found on the class path; it comes with org.rescuegrid.simulators");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Returns the fixes of a log, one per epoch with a valid RMC. */
    static List<EpochFix> track(String name) {
        List<EpochFix> fixes = EpochFix.track(log(name));
        if (fixes.isEmpty()) {
            throw new IllegalStateException("log " + name + " has no epoch with a valid RMC");
        }
        return fixes;
    }

    /** Returns the log's lines without comment lines and line ends, as the NMEA driver's framer passes them on. */
    static List<String> lines(String name) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(log(name), StandardCharsets.ISO_8859_1).split("\r?\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
