package org.rescuegrid.backoffice.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Runs the back office's scenarios with their hand-checked expectations against a real front office and back office on a test clock. */
class BackOfficeScenarioTest {

    @Test
    void caseWithinItsProcedure() throws Exception {
        assertPasses("within-procedure.scn");
    }

    @Test
    void dispatchAfter75SecondsAgainstA60SecondStep() throws Exception {
        assertPasses("late-dispatch.scn");
    }

    @Test
    void crewSkipsAChecklistStep() throws Exception {
        assertPasses("skipped-checklist.scn");
    }

    @Test
    void procedureChangedWhileAnIncidentIsOpen() throws Exception {
        assertPasses("procedure-change.scn");
    }

    @Test
    void vehicleThatFailedReadinessIsNotRecommended() throws Exception {
        assertPasses("readiness.scn");
    }

    @Test
    void alteredAuditRecordIsTheFirstBroken() throws Exception {
        assertPasses("audit-tamper.scn");
    }

    private static void assertPasses(String name) throws Exception {
        BackOfficeScenarioRunner runner = new BackOfficeScenarioRunner(BackOfficeScenarioRunner.load(name));
        assertEquals(List.of(), runner.play(), name);
    }
}
