package org.rescuegrid.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06DecodeException;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Decoder;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06FrameDecoder;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Message;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Packet;
import org.rescuegrid.simulators.internal.EpochFix;
import org.rescuegrid.simulators.internal.Gt06Encoder;

/**
 * The GT06 driver's framing (start bytes, length, CRC-ITU, stop bytes) and decoding of one location packet
 * (protocol 0x12), on packets encoded from a recorded track. One operation is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Gt06DecoderBenchmark {

    /** The driver's default maximum frame length. */
    private static final int MAX_FRAME_LENGTH = 1024;

    private final Gt06Decoder decoder = new Gt06Decoder();
    private byte[][] frames;
    private EmbeddedChannel channel;
    private int next;

    @Setup
    public void encode() {
        List<EpochFix> track = FixtureTracks.track(FixtureTracks.MOVING_LOG);
        Gt06Encoder encoder = new Gt06Encoder();
        frames = track.stream().map(encoder::location).toArray(byte[][]::new);
        channel = new EmbeddedChannel(new Gt06FrameDecoder(MAX_FRAME_LENGTH));
    }

    @TearDown
    public void close() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public Gt06Message frameAndDecode() throws Gt06DecodeException {
        channel.writeInbound(Unpooled.wrappedBuffer(frames[next]));
        next = next + 1 == frames.length ? 0 : next + 1;
        return decoder.decode((Gt06Packet) channel.readInbound());
    }
}
