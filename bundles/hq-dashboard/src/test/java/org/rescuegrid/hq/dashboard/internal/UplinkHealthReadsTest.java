package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.hq.internal.HqDatabase;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

class UplinkHealthReadsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String MISSING_1 = "3f2b8c1e-6a0d-4c57-9a43-0d7e5b1f2a61";
    private static final String MISSING_2 = "9d4e7f20-1b3c-4e8a-b6d5-2c9f0a7e4b18";

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private HqReadModel model;

    @BeforeEach
    void openDatabase() throws SQLException {
        derby = new EmbeddedDerby(directory);
        new HqDatabase(derby.dataSource());
        model = new HqReadModel(derby.dataSource());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        derby.close();
    }

    @Test
    void districtShowsReportedBacklog() throws SQLException {
        derby.execute("INSERT INTO hq_record (event_id, province, record_type, created_at, received_at, payload) VALUES"
                + " ('c1a5e9b3-7d2f-4a60-8e14-5b3d9c0f7a22', 'PB-LHR', 'position', '2026-12-04 09:59:00', '2026-12-04 09:59:30', '{}')");
        derby.execute("INSERT INTO hq_uplink_backlog VALUES ('PB-LHR', 1200, '2026-12-04 09:58:00', 90, '2026-12-04 09:59:30')");

        ArrayNode districts = model.districts(NOW, Duration.ofSeconds(60), Duration.ofMinutes(15));

        JsonNode backlog = districts.get(0).get("uplinkBacklog");
        assertEquals(1200, backlog.get("rows").asLong());
        assertEquals(90, backlog.get("oldestAgeSeconds").asLong());
        assertTrue(backlog.get("reportedAt").asText().startsWith("2026-12-04T"), backlog.toString());
    }

    @Test
    void reconciliationsListResults() throws SQLException {
        derby.execute("INSERT INTO hq_reconciliation VALUES ('PB-LHR', '2026-12-04', 'position', 'a6b4f0e2-1c3d-4e5f-8a9b-0c1d2e3f4a5b',"
                + " '2026-12-04 09:59:30', 16, 15, 2, '" + MISSING_1 + "," + MISSING_2 + "', 'COMPLETE')");
        derby.execute("INSERT INTO hq_reconciliation VALUES ('PB-LHR', '2026-12-03', 'position', 'b6b4f0e2-1c3d-4e5f-8a9b-0c1d2e3f4a5b',"
                + " '2026-12-04 09:59:30', 10, 10, 0, '', 'MATCH')");

        ArrayNode results = model.reconciliations();

        assertEquals(2, results.size());
        JsonNode latest = results.get(0);
        assertEquals("2026-12-04", latest.get("day").asText());
        assertEquals(16, latest.get("districtCount").asLong());
        assertEquals(15, latest.get("hqCount").asLong());
        assertEquals(2, latest.get("missingCount").asLong());
        assertEquals(MISSING_2, latest.get("missingIds").get(1).asText());
        assertEquals(1, latest.get("unknownToDistrict").asLong(), "15 at HQ, of which 14 the district knows");
        assertEquals(0, results.get(1).get("missingIds").size());
    }
}
