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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlDecoder;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlPacket;
import org.rescuegrid.driver.teltonika.internal.decoder.ImeiFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaDecodeException;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaFrameDecoder;
import org.rescuegrid.simulators.internal.EpochFix;
import org.rescuegrid.simulators.internal.TeltonikaEncoder;

/**
 * The Teltonika driver's framing (preamble, length, CRC-16/IBM) and decoding of one AVL packet of one record
 * with four IO elements, in Codec 8 and Codec 8 Extended, on packets encoded from a recorded track. One
 * operation is one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TeltonikaDecoderBenchmark {

    /** The driver's default maximum frame length. */
    private static final int MAX_FRAME_LENGTH = 8192;

    @Param({"8", "8E"})
    public String codec;

    private final AvlDecoder decoder = new AvlDecoder();
    private byte[][] frames;
    private EmbeddedChannel channel;
    private int next;

    @Setup
    public void encode() {
        TeltonikaEncoder encoder = new TeltonikaEncoder(codec.equals("8") ? TeltonikaEncoder.CODEC_8 : TeltonikaEncoder.CODEC_8_EXTENDED);
        List<EpochFix> track = FixtureTracks.track(FixtureTracks.MOVING_LOG);
        frames = track.stream().map(encoder::location).toArray(byte[][]::new);
        channel = new EmbeddedChannel(new TeltonikaFrameDecoder(MAX_FRAME_LENGTH));
        channel.writeInbound(Unpooled.wrappedBuffer(encoder.handshake("352093081000001")));
        if (!(channel.readInbound() instanceof ImeiFrame)) {
            throw new IllegalStateException("the frame decoder did not accept the IMEI handshake");
        }
    }

    @TearDown
    public void close() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public AvlPacket frameAndDecode() throws TeltonikaDecodeException {
        channel.writeInbound(Unpooled.wrappedBuffer(frames[next]));
        next = next + 1 == frames.length ? 0 : next + 1;
        return decoder.decode((AvlFrame) channel.readInbound());
    }
}
