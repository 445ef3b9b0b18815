package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Step;

class SopTest {

    static final Path DEMO = Path.of("../../karaf-distribution/src/main/resources/assembly/etc/rescuegrid/sop");

    @Test
    void demoProceduresParse() throws IOException {
        Sop sop = Sop.parse("road-traffic-accident-v1.json", Files.readString(DEMO.resolve("road-traffic-accident-v1.json")));
        assertEquals(IncidentType.ROAD_TRAFFIC_ACCIDENT, sop.incidentType());
        assertEquals(1, sop.version());
        assertEquals(List.of("call", "dispatch", "arrival", "scene-safety", "handover"), sop.steps().stream().map(Sop.SopStep::id).toList());
        Sop.SopStep dispatch = sop.step("dispatch").orElseThrow();
        assertEquals(Step.DISPATCHED, dispatch.fact().step());
        assertEquals("call", dispatch.after());
        assertEquals(Duration.ofSeconds(60), dispatch.within());
        assertEquals(Sop.FactKind.CHECKLIST, sop.step("scene-safety").orElseThrow().fact().kind());
        assertEquals(false, sop.step("handover").orElseThrow().required());
        for (String file : List.of("fire-v1.json", "medical-emergency-v1.json")) {
            Sop.parse(file, Files.readString(DEMO.resolve(file)));
        }
    }

    @Test
    void errorsNameFileStepAndField() {
        assertError("file fire-2.json: name is invalid; name it <incident-type>-v<N>.json, for example fire-v2.json", "fire-2.json", "{}");
        assertError("file fire-v2.json, field version: 1 does not match the file name's version 2", "fire-v2.json",
                "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"}]}");
        assertError("file fire-v1.json, step 'dispatch', field after: 'arrival' is not an earlier step; use one of call", "fire-v1.json",
                "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"},"
                        + "{\"id\":\"dispatch\",\"role\":\"dispatcher\",\"fact\":\"lifecycle:dispatched\",\"after\":\"arrival\",\"withinSeconds\":60}]}");
        assertError("file fire-v1.json, step 'dispatch', field role: 'driver' is unknown; use one of call-taker, dispatcher, crew, hospital-liaison",
                "fire-v1.json", "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"dispatch\",\"role\":\"driver\",\"fact\":\"lifecycle:dispatched\"}]}");
        assertError("file fire-v1.json, step 'dispatch', field fact: 'radio:dispatched' is invalid; write lifecycle:STEP, checklist:ITEM,"
                + " assistance:KIND or snapshot:CAMERA (snapshot:any for any camera)", "fire-v1.json",
                "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"dispatch\",\"role\":\"dispatcher\",\"fact\":\"radio:dispatched\"}]}");
        assertError("file fire-v1.json, step 'arrival', field withinSeconds: \"7 min\" is invalid; give whole seconds from 1 to 604800", "fire-v1.json",
                "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"},"
                        + "{\"id\":\"arrival\",\"role\":\"crew\",\"fact\":\"lifecycle:on-scene\",\"after\":\"call\",\"withinSeconds\":\"7 min\"}]}");
        assertError("file fire-v1.json, step 2, field id: is missing", "fire-v1.json",
                "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\"},"
                        + "{\"role\":\"crew\",\"fact\":\"lifecycle:on-scene\"}]}");
        assertError("file fire-v1.json, step 'call', field deadline: is not a known field; use after, fact, id, name, required, role, withinSeconds",
                "fire-v1.json", "{\"incidentType\":\"fire\",\"version\":1,\"steps\":[{\"id\":\"call\",\"role\":\"call-taker\",\"fact\":\"lifecycle:call-received\",\"deadline\":60}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sop.parse("fire-v1.json", "{\"incidentType\": \"fire\",,}"));
        assertTrue(e.getMessage().startsWith("file fire-v1.json: not valid JSON at line 1, column 25"), e.getMessage());
    }

    @Test
    void incidentKeepsItsStartingVersion(@TempDir Path directory) throws IOException, SQLException {
        EmbeddedDataSource dataSource = TestDatabase.inMemory();
        BackOfficeDatabase database = new BackOfficeDatabase(dataSource);
        AuditChain audit = new AuditChain(database, Clock.systemUTC());
        Clock loadTime = Clock.fixed(Instant.parse("2026-12-04T10:30:00Z"), ZoneOffset.UTC);
        SopLibrary library = new SopLibrary(database, directory, audit, loadTime);
        Files.copy(DEMO.resolve("fire-v1.json"), directory.resolve("fire-v1.json"));
        assertEquals(List.of(), library.scan());

        // Incident A was created before version 2 took effect, B after.
        assertEquals(1, library.forIncident("INC-A", IncidentType.FIRE, Instant.parse("2026-12-04T10:00:00Z")).orElseThrow().version());
        Files.writeString(directory.resolve("fire-v2.json"), Files.readString(DEMO.resolve("fire-v1.json")).replace("\"version\": 1", "\"version\": 2")
                .replace("\"effectiveFrom\": \"2026-01-01T00:00:00Z\",", "").replace("\"withinSeconds\": 60", "\"withinSeconds\": 45"));
        assertEquals(List.of(), library.scan());
        assertEquals(1, library.forIncident("INC-A", IncidentType.FIRE, Instant.parse("2026-12-04T10:00:00Z")).orElseThrow().version());
        assertEquals(1, library.forIncident("INC-C", IncidentType.FIRE, Instant.parse("2026-12-04T10:29:59Z")).orElseThrow().version());
        Sop b = library.forIncident("INC-B", IncidentType.FIRE, Instant.parse("2026-12-04T10:30:00Z")).orElseThrow();
        assertEquals(2, b.version());
        assertEquals(Duration.ofSeconds(45), b.step("dispatch").orElseThrow().within());
        assertEquals(0, library.forIncident("INC-D", IncidentType.DROWNING, Instant.parse("2026-12-04T10:30:00Z")).stream().count());

        // Editing a loaded version is refused; the stored text stays.
        Files.writeString(directory.resolve("fire-v1.json"), Files.readString(DEMO.resolve("fire-v1.json")).replace("\"withinSeconds\": 60", "\"withinSeconds\": 90"));
        List<String> problems = library.scan();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("file fire-v1.json: version 1 of fire was loaded on 2026-12-04T10:30:00Z with other content"), problems.get(0));
        assertTrue(problems.get(0).endsWith("publish the change as version 3"), problems.get(0));
        assertEquals(Duration.ofSeconds(60), library.forIncident("INC-A", IncidentType.FIRE, null).orElseThrow().step("dispatch").orElseThrow().within());

        // The rejected edit is audited too, with the hash of the file's new content.
        List<AuditRecord> records = audit.find(new AuditQuery(null, null, null, null, null, null, 10));
        assertEquals(List.of("sop-publish", "sop-publish", "sop-file-rejected"), records.stream().map(AuditRecord::action).toList());
        String editedHash = SopLibrary.sha256(Files.readString(directory.resolve("fire-v1.json")));
        assertTrue(records.get(2).after().startsWith("sha256 " + editedHash + ": file fire-v1.json: version 1 of fire"), records.get(2).after());
        assertEquals("verified 3 records", audit.verify().describe());
        // An unchanged file is not read again, so the rejection is recorded once.
        assertEquals(problems, library.scan());
        assertEquals(3, audit.find(new AuditQuery(null, null, null, null, null, null, 10)).size());
    }

    private static void assertError(String expected, String file, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sop.parse(file, text));
        assertEquals(expected, e.getMessage());
    }
}
