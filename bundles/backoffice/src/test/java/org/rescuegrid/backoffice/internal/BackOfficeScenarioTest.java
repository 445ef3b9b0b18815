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

    @Test
    void wrongExpectationsAreReported() throws Exception {
        BackOfficeScenarioRunner runner = new BackOfficeScenarioRunner(BackOfficeScenarioRunner.load("wrong-expectations.scn"));
        assertEquals(List.of(
                "wrong-expectations.scn line 5: dispatch of A at PT1M5S is overdue, expected pending",
                "wrong-expectations.scn line 7: status of dispatch of A is late, expected met",
                "wrong-expectations.scn line 7: lateness of dispatch of A is 0:15, expected -",
                "wrong-expectations.scn line 7: responsible for dispatch of A is S-111, expected S-112",
                "wrong-expectations.scn line 8: procedure version of A is 1, expected 2",
                "wrong-expectations.scn line 9: staff S-111 is met=0 late=1 missed=0 score=0, expected met=1 late=0 missed=0 score=100",
                "wrong-expectations.scn line 10: audit chain is 'verified 1 records', expected verified 3"), runner.play());
    }

    private static void assertPasses(String name) throws Exception {
        BackOfficeScenarioRunner runner = new BackOfficeScenarioRunner(BackOfficeScenarioRunner.load(name));
        assertEquals(List.of(), runner.play(), name);
    }
}
