package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlDecoder;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlFrame;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlPacket;
import org.rescuegrid.driver.teltonika.internal.decoder.AvlRecord;

/** Runs a simulated Teltonika tracker against a TCP listener on 127.0.0.1 in place of the Teltonika driver. */
class TeltonikaReplayEndToEndTest {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final NmeaReplayer replayer = new NmeaReplayer();

    @AfterEach
    void stopReplayer() {
        replayer.deactivate();
    }

    @Test
    void sendsHandshakeThenCodec8ExtendedPackets() throws Exception {
        try (ServerSocket nmea = listen(); ServerSocket teltonika = listen()) {
            replayer.start(TestConfigs.defaults()
                    .set("host", "127.0.0.1")
                    .set("port", nmea.getLocalPort())
                    .set("vehicles", new String[] {"E2E-NMEA=tn204.log"})
                    .set("relocate", new String[0])
                    .set("teltonikaExtendedVehicles", new String[] {"352093081000001=quectel-L70.log"})
                    .set("teltonikaRelocate", new String[] {"352093081000001=31.5204,74.3587"})
                    .set("teltonikaPort", teltonika.getLocalPort())
                    .set("speedup", 50.0)
                    .build(), Fixtures.catalog());

            try (Socket tracker = teltonika.accept()) {
                tracker.setSoTimeout(TIMEOUT_MILLIS);
                DataInputStream in = new DataInputStream(tracker.getInputStream());
                OutputStream out = tracker.getOutputStream();

                byte[] imei = new byte[in.readUnsignedShort()];
                in.readFully(imei);
                assertEquals("352093081000001", new String(imei, StandardCharsets.US_ASCII));
                out.write(0x01);

                AvlPacket first = packet(in);
                assertEquals(AvlDecoder.CODEC_8_EXTENDED, first.codec());
                AvlRecord record = first.records().get(0);
                // quectel-L70.log starts at 2022-03-09 15:01:19 UTC, moved to 31.5204 N 74.3587 E.
                assertEquals(Instant.parse("2022-03-09T15:01:19Z"), record.time());
                assertEquals(31.5204, record.latitude(), 1e-5);
                assertEquals(74.3587, record.longitude(), 1e-5);
                // The record-count acknowledgement the driver sends after the commit; the replayer reads and drops it.
                out.write(new byte[] {0, 0, 0, 1});

                assertEquals(1, packet(in).records().size(), "the replay goes on after the acknowledgement was dropped");
            }
        }
    }

    @Test
    void rejectedHandshakeIsRetried() throws Exception {
        try (ServerSocket nmea = listen(); ServerSocket teltonika = listen()) {
            replayer.start(TestConfigs.defaults()
                    .set("host", "127.0.0.1")
                    .set("port", nmea.getLocalPort())
                    .set("vehicles", new String[] {"E2E-NMEA=tn204.log"})
                    .set("relocate", new String[0])
                    .set("teltonikaVehicles", new String[] {"352093081000002=quectel-L70.log"})
                    .set("teltonikaPort", teltonika.getLocalPort())
                    .build(), Fixtures.catalog());

            try (Socket rejected = teltonika.accept()) {
                DataInputStream in = new DataInputStream(rejected.getInputStream());
                in.readFully(new byte[2 + 15]);
                rejected.getOutputStream().write(0x00);
            }
            // The replayer closes the rejected connection and connects again after its first retry delay of 1 s.
            try (Socket retried = teltonika.accept()) {
                retried.setSoTimeout(TIMEOUT_MILLIS);
                DataInputStream in = new DataInputStream(retried.getInputStream());
                byte[] handshake = new byte[2 + 15];
                in.readFully(handshake);
                assertEquals("352093081000002", new String(handshake, 2, 15, StandardCharsets.US_ASCII));
                retried.getOutputStream().write(0x01);

                assertEquals(AvlDecoder.CODEC_8, packet(in).codec());
            }
        }
    }

    /** Reads one AVL data packet and decodes it with the Teltonika driver's decoder. */
    private static AvlPacket packet(DataInputStream in) throws Exception {
        assertEquals(0, in.readInt(), "preamble");
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        in.readInt();
        return new AvlDecoder().decode(new AvlFrame(data));
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }
}
