package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;

/**
 * The person responsible for a step is taken from the roster in use when the step was due, so replacing
 * the morning call taker S-101 by S-199 at 07:00 changes the results of later calls only.
 */
class RosterAtStepTimeTest {

    private static final Instant START = Instant.parse("2026-12-04T05:00:00Z");
    private static final Instant CHANGE = Instant.parse("2026-12-04T07:00:00Z");

    @TempDir
    Path directory;

    private TestBackOffice backOffice;

    @BeforeEach
    void start() throws SQLException, IOException {
        backOffice = new TestBackOffice(directory, START);
    }

    @Test
    void callTakerBeforeRosterChangeKeepsResult() throws IOException {
        String before = call(START.plusSeconds(600));
        assertEquals("S-101", callStepStaff(before));

        backOffice.frontOffice.advanceTo(CHANGE);
        String staff = Files.readString(directory.resolve("staff.csv")) + "S-199,Sana Iqbal,call-taker,Lahore Control Room,Lahore,sana\n";
        backOffice.roster().replace("staff", staff, Actor.console("adm"));
        String rota = Files.readString(directory.resolve("rota.csv")).replace("*,morning,S-101,desk:call-taking", "*,morning,S-199,desk:call-taking");
        backOffice.roster().replace("rota", rota, Actor.console("adm"));
        String after = call(CHANGE.plusSeconds(600));

        assertEquals("S-101", callStepStaff(before));
        assertEquals("S-199", callStepStaff(after));
    }

    private String call(Instant at) {
        backOffice.frontOffice.advanceTo(at);
        return backOffice.frontOffice().receiveCall(NewCall.emergency(at, "03001112222", IncidentType.MEDICAL_EMERGENCY,
                Location.of(31.5106, 74.3428))).incidentId();
    }

    private String callStepStaff(String incidentId) {
        List<StepResult> results = backOffice.compliance().evaluate(backOffice.frontOffice().incident(incidentId).orElseThrow()).orElseThrow();
        return results.stream().filter(step -> step.role().equals("call-taker")).findFirst().orElseThrow().staffId();
    }
}
