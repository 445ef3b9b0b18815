package org.rescuegrid.driver.gt06.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.gt06.internal.decoder.FrameRejected;
import org.rescuegrid.driver.gt06.internal.decoder.Frames;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06DecodeException;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Decoder;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06FrameDecoder;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Frames;
import org.rescuegrid.driver.gt06.internal.decoder.Gt06Packet;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.testing.RecordingRegistry;

/**
 * Property test over random bytes and mutated real frames, with fixed seeds so a failure repeats. It
 * checks that the frame decoder and the decoder reject bad input only with {@link FrameRejected} or
 * {@link Gt06DecodeException}, that a connection stays open, and that the frame decoder never buffers
 * more than the frame length limit.
 */
class Gt06FuzzTest {

    private static final int MAX_FRAME = 256;
    private static final int ROUNDS = 20_000;
    private static final String[] SEEDS = {Frames.DOC_LOGIN, Frames.DOC_LOCATION, Frames.DOC_ALARM, Frames.STATUS, Frames.LOGIN_WITH_TYPE};

    @Test
    void decoderRejectsMutatedPacketsOnlyWithDecodeErrors() {
        Random random = new Random(20261204L);
        Gt06Decoder decoder = new Gt06Decoder();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] frame = mutate(random, Frames.hex(SEEDS[random.nextInt(SEEDS.length)]));
            if (frame.length < 10 || (frame[0] != 0x78 && frame[0] != 0x79)) {
                continue;
            }
            Frames.fixCrc(frame);
            try {
                Gt06Packet packet = Gt06Frames.parse(frame);
                decoder.decode(packet);
            } catch (Gt06DecodeException expected) {
                // Rejected with a reason: what the decoder promises for bad input.
            } catch (RuntimeException e) {
                fail("round " + round + " frame " + Frames.hex(frame) + " threw " + e, e);
            }
        }
    }

    @Test
    void connectionSurvivesRandomAndMutatedStreams() {
        Random random = new Random(1122L);
        RecordingRegistry registry = new RecordingRegistry();
        Gt06DriverSettings settings = new Gt06DriverSettings("127.0.0.1", 5023, MAX_FRAME, 600, true);
        Gt06FrameDecoder framer = new Gt06FrameDecoder(MAX_FRAME);
        EmbeddedChannel channel = new EmbeddedChannel(framer, new Gt06Session(settings, registry, Clock.systemUTC()));
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.hex(Frames.DOC_LOGIN)));

        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = random.nextInt(4) == 0 ? randomBytes(random) : mutate(random, Frames.hex(SEEDS[random.nextInt(SEEDS.length)]));
            if (random.nextBoolean()) {
                Frames.fixCrc(input);
            }
            int offset = 0;
            while (offset < input.length) {
                int chunk = 1 + random.nextInt(input.length - offset);
                channel.writeInbound(Unpooled.wrappedBuffer(input, offset, chunk));
                offset += chunk;
                assertTrue(framer.bufferedBytes() <= MAX_FRAME, "round " + round + " buffered " + framer.bufferedBytes() + " bytes");
            }
            channel.checkException();
            assertTrue(channel.isOpen(), "round " + round + " closed the connection on " + Frames.hex(input));
            Object out;
            while ((out = channel.readInbound()) != null) {
                assertTrue(out instanceof PacketRecords, "unexpected output " + out);
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        if (bytes.length > 4 && random.nextBoolean()) {
            bytes[0] = 0x79;
            bytes[1] = 0x79;
        }
        return bytes;
    }

    /** Applies one to three mutations: flip a bit, overwrite a byte, cut the frame, grow it, or rewrite its length field. */
    private static byte[] mutate(Random random, byte[] frame) {
        byte[] result = frame;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations && result.length > 0; i++) {
            switch (random.nextInt(5)) {
                case 0 -> result[random.nextInt(result.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> result[random.nextInt(result.length)] = (byte) random.nextInt(256);
                case 2 -> result = Arrays.copyOf(result, random.nextInt(result.length));
                case 3 -> {
                    byte[] grown = Arrays.copyOf(result, result.length + 1 + random.nextInt(40));
                    for (int j = result.length; j < grown.length; j++) {
                        grown[j] = (byte) random.nextInt(256);
                    }
                    result = grown;
                }
                default -> {
                    if (result.length > 2) {
                        result[2] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return result;
    }
}
