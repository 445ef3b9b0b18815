package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.AssistanceRecipient;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.store.schema.Jdbc;

/**
 * Procedure steps marked done by the front office's technical-assistance records and by camera snapshots
 * attached to the incident, evaluated through {@link Compliance} as the node does.
 */
class FactSourcesTest {

    private static final Instant START = Instant.parse("2026-12-04T05:00:00Z");
    private static final String MEDICAL_V2 = "{\"incidentType\":\"medical-emergency\",\"version\":2,\"steps\":["
            + "{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"},"
            + "{\"id\":\"first-aid\",\"role\":\"call-taker\",\"fact\":\"assistance:first-aid-instruction\",\"after\":\"call\",\"withinSeconds\":120},"
            + "{\"id\":\"doctor\",\"role\":\"call-taker\",\"fact\":\"assistance:doctor-advice\",\"after\":\"call\",\"withinSeconds\":60},"
            + "{\"id\":\"gate-photo\",\"role\":\"crew\",\"fact\":\"snapshot:CAM-LHR-GATE\",\"after\":\"call\",\"withinSeconds\":300},"
            + "{\"id\":\"any-photo\",\"role\":\"crew\",\"fact\":\"snapshot:any\",\"after\":\"call\",\"withinSeconds\":90}]}";

    @TempDir
    Path directory;

    private TestBackOffice backOffice;
    private String incidentId;
    private Instant callAt;

    @BeforeEach
    void start() throws SQLException, IOException {
        backOffice = new TestBackOffice(directory, START);
        backOffice.procedures().publish("medical-emergency-v2.json", MEDICAL_V2, Actor.console("test"));
        callAt = START.plusSeconds(60);
        backOffice.frontOffice.advanceTo(callAt);
        incidentId = backOffice.frontOffice().receiveCall(NewCall.emergency(callAt, "03001112222", IncidentType.MEDICAL_EMERGENCY,
                Location.of(31.5106, 74.3428))).incidentId();
    }

    @Test
    void assistanceRecordMarksStepDone() {
        backOffice.frontOffice.advanceTo(callAt.plusSeconds(200));
        backOffice.frontOffice().addAssistance(incidentId, new Assistance(null, null, callAt.plusSeconds(90), "Ayesha Khan", AssistanceRecipient.CALLER,
                null, AssistanceKind.FIRST_AID_INSTRUCTION, "Keep the patient on the side.", null), "ayesha");
        backOffice.frontOffice().addAssistance(incidentId, new Assistance(null, null, callAt.plusSeconds(150), "Dr. Rabia", AssistanceRecipient.CALLER,
                null, AssistanceKind.DOCTOR_ADVICE, "No water by mouth.", null), "ayesha");

        Map<String, StepResult> steps = evaluate();

        assertEquals(StepResult.Status.MET, steps.get("first-aid").status());
        assertEquals(callAt.plusSeconds(90), steps.get("first-aid").doneAt());
        assertEquals("S-101", steps.get("first-aid").staffId());
        assertEquals(StepResult.Status.LATE, steps.get("doctor").status());
        assertEquals(Duration.ofSeconds(90), steps.get("doctor").late());
    }

    @Test
    void cameraSnapshotMarksStepDone() throws SQLException {
        createSnapshotTable();
        snapshot("CAM-LHR-YARD", callAt.plusSeconds(30), "INC-OTHER");
        snapshot("CAM-LHR-YARD", callAt.plusSeconds(120), incidentId);
        snapshot("CAM-LHR-GATE", callAt.plusSeconds(240), incidentId);
        backOffice.frontOffice.advanceTo(callAt.plusSeconds(400));

        Map<String, StepResult> steps = evaluate();

        assertEquals(StepResult.Status.MET, steps.get("gate-photo").status());
        assertEquals(callAt.plusSeconds(240), steps.get("gate-photo").doneAt());
        // The snapshot of another incident does not count, so the first of this incident is 30 s late.
        assertEquals(StepResult.Status.LATE, steps.get("any-photo").status());
        assertEquals(callAt.plusSeconds(120), steps.get("any-photo").doneAt());
        assertEquals(Duration.ofSeconds(30), steps.get("any-photo").late());
    }

    @Test
    void noCameraDriverMeansNoSnapshots() {
        backOffice.frontOffice.advanceTo(callAt.plusSeconds(400));

        Map<String, StepResult> steps = evaluate();

        assertEquals(StepResult.Status.OVERDUE, steps.get("gate-photo").status());
        assertNull(steps.get("any-photo").doneAt());
    }

    private Map<String, StepResult> evaluate() {
        Incident incident = backOffice.frontOffice().incident(incidentId).orElseThrow();
        List<StepResult> results = backOffice.compliance().evaluate(incident).orElseThrow();
        assertEquals(2, results.get(0).sopVersion());
        return results.stream().collect(Collectors.toMap(StepResult::stepId, Function.identity()));
    }

    /** Creates the camera driver's table as its migration V001 does, with the columns the back office reads. */
    private void createSnapshotTable() throws SQLException {
        try (Connection connection = backOffice.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE camera_snapshot (snapshot_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " camera_id VARCHAR(64) NOT NULL, taken_at TIMESTAMP NOT NULL, profile_token VARCHAR(64) NOT NULL,"
                    + " content_type VARCHAR(64) NOT NULL, size_bytes INTEGER NOT NULL, image BLOB(16M) NOT NULL, incident_id VARCHAR(64))");
        }
    }

    private void snapshot(String cameraId, Instant takenAt, String incident) throws SQLException {
        try (Connection connection = backOffice.dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO camera_snapshot (camera_id, taken_at, profile_token, content_type, size_bytes, image, incident_id)"
                        + " VALUES (?, ?, 'profile_1', 'image/jpeg', 4, ?, ?)")) {
            insert.setString(1, cameraId);
            Jdbc.setInstant(insert, 2, takenAt);
            insert.setBytes(3, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
            insert.setString(4, incident);
            insert.executeUpdate();
        }
    }
}
