package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;
import org.rescuegrid.frontoffice.Recommendation;

/**
 * Runs the back office in the real node. The demo's procedures and roster load, and a failed readiness
 * check takes a vehicle out of the front office's recommendation. A configuration change is audited, the
 * audit chain verifies after the bundle restarts, and its records and the incident's compliance reach HQ.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackOfficeIT extends RescueGridTestSupport {

    @Inject
    @Filter(timeout = 120_000)
    private FrontOfficeService frontOffice;

    @Inject
    @Filter(timeout = 120_000)
    private ConfigurationAdmin configurationAdmin;

    @Test
    public void proceduresReadinessAuditAndCompliance() throws Exception {
        waitFor("the back office's commands", () -> outputContains("rescue:sop-list", "road-traffic-accident"));
        String procedures = executeCommand("rescue:sop-list");
        assertTrue(procedures, procedures.contains("fire"));
        assertTrue(procedures, procedures.contains("medical-emergency"));
        assertFalse(procedures, procedures.contains("Not loaded"));
        String steps = executeCommand("rescue:sop-show road-traffic-accident");
        assertTrue(steps, steps.contains("checklist:scene-safety"));
        assertTrue(steps, steps.contains("1:00 after call"));
        assertTrue(executeCommand("rescue:roster --staff").contains("S-201"));

        CallRecord call = frontOffice.receiveCall(NewCall.emergency(Instant.now(), "03001119999", IncidentType.ROAD_TRAFFIC_ACCIDENT,
                Location.of(31.5106, 74.3428)));
        String incident = call.incidentId();
        assertTrue(ids(frontOffice.recommend(incident)).contains("AMB-LHR-101"));
        executeCommand("rescue:readiness-check --fail oxygen --fail stretcher --staff S-201 AMB-LHR-101");
        assertFalse(ids(frontOffice.recommend(incident)).contains("AMB-LHR-101"));
        assertTrue(executeCommand("rescue:readiness").contains("OUT OF SERVICE"));
        executeCommand("rescue:readiness-check --staff S-201 AMB-LHR-101");
        assertTrue(ids(frontOffice.recommend(incident)).contains("AMB-LHR-101"));

        // The timer evaluates the open incident: its dispatch step is pending or, on a slow machine, overdue.
        waitFor("compliance of " + incident, () -> executeCommand("rescue:compliance --incident " + incident).contains("dispatcher"));

        Configuration configuration = configurationAdmin.getConfiguration("org.rescuegrid.backoffice", "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>() : configuration.getProperties();
        properties.put("evaluationSeconds", "2");
        configuration.update(properties);
        waitFor("the configuration change in the audit trail",
                () -> outputContains("rescue:audit --action config-update --target org.rescuegrid.backoffice", "evaluationSeconds=2"));

        Bundle backOffice = bundle("org.rescuegrid.backoffice");
        backOffice.stop();
        backOffice.start();
        waitFor("the back office after its restart", () -> outputContains("rescue:audit-verify", "verified "));
        long records = Long.parseLong(executeCommand("rescue:audit-verify").strip().split(" ")[1]);
        assertTrue("audit records: " + records, records >= 5);

        Set<String> nodeAudit = column(nodeDatabase, "SELECT event_id FROM bo_audit");
        waitFor("the audit records at HQ", () -> column(hqDatabase, "SELECT event_id FROM hq_record WHERE record_type = 'audit'").containsAll(nodeAudit));
        assertEquals(nodeAudit.size(), hqRecordCount(nodeAudit));

        executeCommand("rescue:dispatch " + incident + " AMB-LHR-102");
        executeCommand("rescue:incident-step " + incident + " AMB-LHR-102 on-scene");
        executeCommand("rescue:incident-step " + incident + " AMB-LHR-102 left-scene");
        executeCommand("rescue:incident-step " + incident + " AMB-LHR-102 back-in-service");
        executeAs(TEST_SUPERVISOR, TEST_SUPERVISOR_PASSWORD, "rescue:incident-close --rescued 1 --first-aid 1 --hospital 0 --deaths 0 " + incident);
        waitFor("the final compliance of " + incident + " at HQ",
                () -> !column(hqDatabase, "SELECT event_id FROM hq_record WHERE record_type = 'compliance'").isEmpty());
        String closes = executeCommand("rescue:audit --action incident-close --target " + incident);
        assertTrue(closes, closes.contains("closed at"));
        assertTrue(executeCommand("rescue:audit-verify").startsWith("verified "));
        String scores = executeCommand("rescue:compliance --by district");
        assertTrue(scores, scores.contains("Lahore"));
    }

    /** Returns whether a command printed the text; false while the command is not registered, as during a restart of its bundle. */
    private boolean outputContains(String command, String text) {
        try {
            return executeCommand(command).contains(text);
        } catch (AssertionError e) {
            return false;
        }
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::vehicleId).toList();
    }

    private static Set<String> column(DataSource database, String sql) {
        Set<String> values = new TreeSet<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1).strip());
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
        return values;
    }
}
