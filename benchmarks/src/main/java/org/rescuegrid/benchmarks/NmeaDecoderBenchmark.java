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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rescuegrid.driver.nmea.internal.decoder.EpochAssembler;

/**
 * The NMEA driver's decoding of one recorded line: checksum, sentence parsing and merging into epochs, as
 * its session does for every line after the framer. One operation is one line of the log; the score is
 * lines per second, and a log's lines-per-epoch ratio turns it into fixes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NmeaDecoderBenchmark {

    @Param({"bundg_zeus_9.log", "quectel-L70.log"})
    public String log;

    private List<String> lines;
    private EpochAssembler assembler;
    private int next;

    @Setup
    public void load() {
        lines = FixtureTracks.lines(log);
        assembler = new EpochAssembler("BENCH-NMEA", Clock.systemUTC());
    }

    @Benchmark
    public void decodeLine(Blackhole sink) {
        sink.consume(assembler.accept(lines.get(next)));
        next = next + 1 == lines.size() ? 0 : next + 1;
    }
}
