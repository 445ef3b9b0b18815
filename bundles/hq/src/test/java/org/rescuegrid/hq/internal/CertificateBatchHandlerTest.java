package org.rescuegrid.hq.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.testing.EmbeddedDerby;

class CertificateBatchHandlerTest {

    private static final String EVENT = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private CertificateBatchHandler handler;

    @BeforeEach
    void openStore() throws SQLException {
        derby = new EmbeddedDerby(directory);
        handler = new CertificateBatchHandler(new HqRecordStore(new HqDatabase(derby.dataSource())));
    }

    @AfterEach
    void closeStore() throws SQLException {
        derby.close();
    }

    @Test
    void ownBatchStored() throws SQLException {
        CertificateBatchHandler.Reply reply = handler.handle("PB-LHR", "application/json", batch("PB-LHR"));

        assertEquals(200, reply.status(), reply.body().toString());
        assertTrue(reply.body().get("accepted").toString().contains(EVENT), reply.body().toString());
        assertEquals("PB-LHR", derby.queryString("SELECT province FROM hq_record"));
    }

    @Test
    void batchForOtherDistrictRejected() throws SQLException {
        CertificateBatchHandler.Reply reply = handler.handle("PB-KHI", "application/json", batch("PB-LHR"));

        assertEquals(403, reply.status());
        assertEquals("client certificate identifies district PB-KHI but the batch names PB-LHR; a district may send only its own records",
                reply.body().get("error").asText());
        assertEquals(0, derby.queryLong("SELECT COUNT(*) FROM hq_record"));
    }

    @Test
    void formEncodedBatchRejected() {
        CertificateBatchHandler.Reply reply = handler.handle("PB-LHR", "application/x-www-form-urlencoded", batch("PB-LHR"));

        assertEquals(415, reply.status());
        assertTrue(reply.body().get("error").asText().contains("application/json"), reply.body().toString());
    }

    @Test
    void malformedBatchRejected() {
        CertificateBatchHandler.Reply reply = handler.handle("PB-LHR", "application/json", "{\"province\":\"PB-LHR\"}");

        assertEquals(400, reply.status());
        assertTrue(reply.body().get("error").asText().contains("batchId"), reply.body().toString());
    }

    private static String batch(String district) {
        return "{\"province\":\"" + district + "\",\"batchId\":\"b-1\",\"records\":[{\"eventId\":\"" + EVENT + "\",\"type\":\"position\","
                + "\"createdAt\":\"2026-12-04T10:00:00Z\",\"payload\":{\"eventId\":\"" + EVENT + "\",\"vehicleId\":null,"
                + "\"receivedAt\":\"2026-12-04T10:00:00Z\",\"fix\":{\"deviceId\":\"TRK-LHR-01\",\"fixTime\":\"2026-12-04T09:59:59Z\","
                + "\"latitude\":31.5204,\"longitude\":74.3587,\"speedKmh\":42.0,\"valid\":true}}}]}";
    }
}
