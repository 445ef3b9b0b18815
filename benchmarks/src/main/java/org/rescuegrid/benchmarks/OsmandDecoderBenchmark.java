package org.rescuegrid.benchmarks;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rescuegrid.driver.osmand.internal.decoder.InvalidParameterException;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandDecoder;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandReport;
import org.rescuegrid.driver.osmand.internal.decoder.QueryString;
import org.rescuegrid.simulators.internal.EpochFix;
import org.rescuegrid.simulators.internal.OsmandEncoder;

/**
 * The OsmAnd driver's parsing of a query string and decoding of one location report, on reports encoded from
 * a recorded track. The HTTP server's work is not included. One operation is one report.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OsmandDecoderBenchmark {

    private final OsmandDecoder decoder = new OsmandDecoder(Clock.systemUTC());
    private String[] queries;
    private int next;

    @Setup
    public void encode() {
        OsmandEncoder encoder = new OsmandEncoder();
        List<EpochFix> track = FixtureTracks.track(FixtureTracks.MOVING_LOG);
        queries = track.stream().map(fix -> encoder.query("CREW-BENCH-01", fix)).toArray(String[]::new);
    }

    @Benchmark
    public OsmandReport parseAndDecode() throws InvalidParameterException {
        String query = queries[next];
        next = next + 1 == queries.length ? 0 : next + 1;
        return decoder.fromParameters(QueryString.parse(query));
    }
}
