package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs a simulated GT06 tracker against a TCP listener on 127.0.0.1 in place of the GT06 driver. */
class Gt06ReplayEndToEndTest {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final NmeaReplayer replayer = new NmeaReplayer();

    @AfterEach
    void stopReplayer() {
        replayer.deactivate();
    }

    @Test
    void sendsLoginThenLocationsAndReadsReplies() throws Exception {
        try (ServerSocket nmea = listen(); ServerSocket gt06 = listen()) {
            replayer.start(TestConfigs.defaults()
                    .set("host", "127.0.0.1")
                    .set("port", nmea.getLocalPort())
                    .set("vehicles", new String[] {"E2E-NMEA=tn204.log"})
                    .set("relocate", new String[0])
                    .set("gt06Vehicles", new String[] {"868683020000001=quectel-L70.log"})
                    .set("gt06Relocate", new String[] {"868683020000001=31.5204,74.3587"})
                    .set("gt06Port", gt06.getLocalPort())
                    .set("speedup", 50.0)
                    .build(), Fixtures.catalog());

            try (Socket tracker = gt06.accept()) {
                tracker.setSoTimeout(TIMEOUT_MILLIS);
                DataInputStream in = new DataInputStream(tracker.getInputStream());
                OutputStream out = tracker.getOutputStream();

                byte[] login = frame(in);
                assertEquals("78780d01086868302000000100", HexFormat.of().formatHex(login, 0, 13));
                // The driver's reply to the login; the replayer reads and drops it.
                out.write(HexFormat.of().parseHex("787805010001d9dc0d0a"));

                byte[] location = frame(in);
                assertEquals(0x12, location[3]);
                // quectel-L70.log starts at 2022-03-09 15:01:19 UTC, moved to 31.5204 N 74.3587 E.
                assertEquals("1603090f0113", HexFormat.of().formatHex(location, 4, 10));
                long latitude = ((long) (location[11] & 0xFF) << 24) | ((location[12] & 0xFF) << 16) | ((location[13] & 0xFF) << 8)
                        | (location[14] & 0xFF);
                assertEquals(31.5204, latitude / 1_800_000.0, 1e-5);
                assertTrue((location[20] & 0x08) == 0, "east longitude");
                assertEquals(0x12, frame(in)[3], "the replay goes on after the reply was dropped");
            }
        }
    }

    /** Reads one short GT06 frame: start bytes, length, then the rest. */
    private static byte[] frame(DataInputStream in) throws IOException {
        byte[] header = new byte[3];
        in.readFully(header);
        assertEquals(0x78, header[0] & 0xFF);
        assertEquals(0x78, header[1] & 0xFF);
        byte[] frame = new byte[3 + (header[2] & 0xFF) + 2];
        System.arraycopy(header, 0, frame, 0, 3);
        in.readFully(frame, 3, frame.length - 3);
        return frame;
    }

    private static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setSoTimeout(TIMEOUT_MILLIS);
        return server;
    }
}
