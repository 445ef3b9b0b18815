package org.rescuegrid.driver.teltonika.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;

import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlDecoder;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrames;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaDecodeException;
import org.rescuegrid.driver.teltonika.internal.decoder.TeltonikaFrameDecoder;
import org.rescuegrid.driver.support.PacketRecords;
import org.rescuegrid.testing.RecordingRegistry;

/**
 * Property test over random bytes and mutated real AVL packets, with fixed seeds so a failure repeats.
 * It checks that the decoders reject bad input only with decode errors, that a connection stays open
 * after its handshake, that the frame decoder never buffers more than the frame length limit, and that
 * the UDP listener's channel survives any datagram.
 */
class TeltonikaFuzzTest {

    private static final int MAX_FRAME = 512;
    private static final int ROUNDS = 20_000;
    private static final String[] SEEDS = {AvlFrames.DOC_CODEC8_FIRST, AvlFrames.DOC_CODEC8_SECOND, AvlFrames.DOC_CODEC8_TWO_RECORDS,
            AvlFrames.DOC_CODEC8E};

    @Test
    void decoderRejectsMutatedDataOnlyWithDecodeErrors() {
        Random random = new Random(20261204L);
        AvlDecoder decoder = new AvlDecoder();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] packet = mutate(random, AvlFrames.hex(SEEDS[random.nextInt(SEEDS.length)]));
            byte[] data = packet.length > 12 ? Arrays.copyOfRange(packet, 8, packet.length - 4) : packet;
            try {
                decoder.decode(new AvlFrame(data));
            } catch (TeltonikaDecodeException expected) {
                // Rejected with a reason: what the decoder promises for bad input.
            } catch (RuntimeException e) {
                fail("round " + round + " data " + HexFormat.of().formatHex(data) + " threw " + e, e);
            }
        }
    }

    @Test
    void connectionSurvivesRandomAndMutatedStreams() {
        Random random = new Random(1122L);
        TeltonikaFrameDecoder framer = new TeltonikaFrameDecoder(MAX_FRAME);
        EmbeddedChannel channel = new EmbeddedChannel(framer,
                new TeltonikaSession(new TeltonikaDriverSettings("127.0.0.1", 5027, MAX_FRAME, 600), new RecordingRegistry()));
        channel.writeInbound(Unpooled.wrappedBuffer(AvlFrames.hex(AvlFrames.IMEI_HANDSHAKE)));

        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = random.nextInt(4) == 0 ? randomBytes(random) : mutate(random, AvlFrames.hex(SEEDS[random.nextInt(SEEDS.length)]));
            if (random.nextBoolean()) {
                AvlFrames.fixCrc(input);
            }
            int offset = 0;
            while (offset < input.length) {
                int chunk = 1 + random.nextInt(input.length - offset);
                channel.writeInbound(Unpooled.wrappedBuffer(input, offset, chunk));
                offset += chunk;
                assertTrue(framer.bufferedBytes() <= MAX_FRAME, "round " + round + " buffered " + framer.bufferedBytes() + " bytes");
            }
            channel.checkException();
            assertTrue(channel.isOpen(), "round " + round + " closed the connection");
            Object out;
            while ((out = channel.readInbound()) != null) {
                assertTrue(out instanceof PacketRecords, "unexpected output " + out);
            }
        }
    }

    @Test
    void udpListenerSurvivesRandomAndMutatedDatagrams() {
        Random random = new Random(5027L);
        TeltonikaUdpSession session = new TeltonikaUdpSession(new TeltonikaDriverSettings("127.0.0.1", 5027, MAX_FRAME, 600, 5027),
                new RecordingRegistry());
        EmbeddedChannel channel = new EmbeddedChannel(session);
        InetSocketAddress listener = new InetSocketAddress("127.0.0.1", 5027);
        InetSocketAddress tracker = new InetSocketAddress("127.0.0.1", 40123);
        String[] seeds = {AvlFrames.DOC_UDP_CODEC8, udpSeed(AvlFrames.DOC_CODEC8_TWO_RECORDS), udpSeed(AvlFrames.DOC_CODEC8E)};

        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = random.nextInt(4) == 0 ? randomBytes(random) : mutate(random, AvlFrames.hex(seeds[random.nextInt(seeds.length)]));
            if (input.length >= 2 && random.nextBoolean()) {
                // Correct the length field, so that the mutation reaches the IMEI and AVL data.
                input[0] = (byte) ((input.length - 2) >>> 8);
                input[1] = (byte) (input.length - 2);
            }
            channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(input), listener, tracker));
            channel.checkException();
            assertTrue(channel.isOpen(), "round " + round + " closed the channel");
            Object out;
            while ((out = channel.readInbound()) != null) {
                assertTrue(out instanceof UdpPacket, "unexpected output " + out);
            }
        }
    }

    /** Returns a UDP datagram carrying the AVL data of a TCP packet. */
    private static String udpSeed(String tcpPacket) {
        byte[] packet = AvlFrames.hex(tcpPacket);
        byte[] data = Arrays.copyOfRange(packet, 8, packet.length - 4);
        return HexFormat.of().formatHex(AvlFrames.datagram(0xCAFE, 1, "356307042441013", data));
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(700)];
        random.nextBytes(bytes);
        if (bytes.length > 8 && random.nextBoolean()) {
            Arrays.fill(bytes, 0, 4, (byte) 0);
        }
        return bytes;
    }

    /** Applies one to three mutations: flip a bit, overwrite a byte, cut the packet, grow it, or rewrite a length or count byte. */
    private static byte[] mutate(Random random, byte[] packet) {
        byte[] result = packet;
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
                    // The data length (bytes 4-7) or a record or IO count near the start of the data.
                    int index = 4 + random.nextInt(Math.min(30, Math.max(1, result.length - 4)));
                    if (index < result.length) {
                        result[index] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return result;
    }
}
