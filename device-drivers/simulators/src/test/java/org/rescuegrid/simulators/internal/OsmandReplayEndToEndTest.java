package org.rescuegrid.simulators.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandDecoder;
import org.rescuegrid.driver.osmand.internal.decoder.OsmandReport;
import org.rescuegrid.driver.osmand.internal.decoder.QueryString;

/** Runs a simulated OsmAnd phone against an HTTP server on 127.0.0.1 in place of the OsmAnd driver. */
class OsmandReplayEndToEndTest {

    private static final int TIMEOUT_SECONDS = 15;

    private final NmeaReplayer replayer = new NmeaReplayer();
    private HttpServer server;

    @AfterEach
    void stop() {
        replayer.deactivate();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sendsReportsAndResendsRejectedOne() throws Exception {
        BlockingQueue<String> queries = new LinkedBlockingQueue<>();
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/osmand", exchange -> {
            queries.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawQuery());
            // The second request fails as a driver does when the store is down; the phone must send that report again.
            int status = requests.incrementAndGet() == 2 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();

        try (ServerSocket nmea = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            replayer.start(TestConfigs.defaults()
                    .set("host", "127.0.0.1")
                    .set("port", nmea.getLocalPort())
                    .set("vehicles", new String[] {"E2E-NMEA=tn204.log"})
                    .set("relocate", new String[0])
                    .set("osmandVehicles", new String[] {"CREW-E2E-01=quectel-L70.log"})
                    .set("osmandRelocate", new String[] {"CREW-E2E-01=31.5204,74.3587"})
                    .set("osmandPort", server.getAddress().getPort())
                    .set("speedup", 50.0)
                    .build(), Fixtures.catalog());

            OsmandDecoder decoder = new OsmandDecoder(Clock.systemUTC());
            String first = queries.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(first, "first report");
            assertEquals("GET", first.substring(0, 3));
            OsmandReport report = decoder.fromParameters(QueryString.parse(first.substring(4)));
            assertEquals("CREW-E2E-01", report.deviceId());
            // quectel-L70.log starts at 2022-03-09 15:01:19 UTC, moved to 31.5204 N 74.3587 E.
            assertEquals(Instant.parse("2022-03-09T15:01:19Z"), report.fix().fixTime());
            assertEquals(31.5204, report.fix().latitude(), 1e-5);
            assertEquals(74.3587, report.fix().longitude(), 1e-5);

            String rejected = queries.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String resent = queries.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(resent, "report after the rejected one");
            assertEquals(rejected, resent, "the rejected report is sent again");
        }
    }
}
