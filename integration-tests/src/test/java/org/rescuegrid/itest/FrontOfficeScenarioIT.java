package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Step;
import org.rescuegrid.frontoffice.StepSource;
import org.rescuegrid.frontoffice.Vehicle;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;
import org.rescuegrid.frontoffice.scenario.ScenarioTarget;
import org.rescuegrid.frontoffice.scenario.SimulatedTime;

/**
 * Plays a scenario into the real node: its fixes go through the bus and the store like a tracker's, the
 * front office detects the steps from the stored positions, and the uplink carries every record to HQ.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrontOfficeScenarioIT extends RescueGridTestSupport {

    // The same timeline as the unit scenario response-standard.scn for incident A, with the distances worked out there.
    private static final String SCENARIO = String.join("\n",
            "start 2026-12-04T10:00:00Z",
            "call 0:00 A type=road-traffic-accident landmark=Liberty_Market caller=03001110001 people=2",
            "call 0:10 - disposition=nuisance caller=03009990001",
            "recommend 0:20 A AMB-LHR-101,AMB-LHR-102,AMB-LHR-103,RESCUE-LHR-311",
            "dispatch 0:40 A AMB-LHR-101",
            "hold 0:40 AMB-LHR-101 31.5497,74.3436 until=1:00 every=10",
            "drive 1:00 AMB-LHR-101 31.5497,74.3436 31.5106,74.3428 until=6:59 every=10",
            "hold 6:59 AMB-LHR-101 31.5106,74.3428 until=8:00 every=10 drift=40",
            "step 9:00 A AMB-LHR-101 left-scene",
            "step 10:00 A AMB-LHR-101 back-in-service",
            "close 11:00 A",
            "expect A dispatched 0:40",
            "expect A AMB-LHR-101 left-station 1:20 source=gps",
            "expect A AMB-LHR-101 on-scene 6:59 source=gps",
            "expect A left-scene 9:00",
            "expect A closed 11:00",
            "expect-kpi responded=1 within=1 response.median=6:59 calls.emergency=1 calls.nuisance=1");

    @Inject
    @Filter(timeout = 120_000)
    private FrontOfficeService frontOffice;

    @Inject
    @Filter(timeout = 120_000)
    private SimulatedTime simulatedTime;

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camel;

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.cfg", "simulatedTimeAllowed", "true"),
                // The store judges fix times by the real clock, and the scenario's fixes of 2026-12-04 10:00 UTC
                // would be flagged FUTURE, and skipped by the front office, on a clock up to a day before them.
                editConfigurationFilePut("etc/org.rescuegrid.store.positions.cfg", "futureToleranceSeconds", "86400"));
    }

    @Test
    public void scenarioReachesHqWithExactTimes() throws Exception {
        Scenario scenario = Scenario.parse("node-scenario", SCENARIO);
        ScenarioResult result;
        try (NodeTarget target = new NodeTarget()) {
            result = new ScenarioPlayer(target, Double.POSITIVE_INFINITY).play(scenario);
        } finally {
            simulatedTime.release();
        }
        assertEquals(List.of(), result.mismatches());

        String incidentId = result.incidentId("A");
        Incident incident = frontOffice.incident(incidentId).orElseThrow();
        assertEquals(Instant.parse("2026-12-04T10:06:59Z"), incident.time(Step.ON_SCENE));
        assertEquals(StepSource.GPS, incident.vehicle("AMB-LHR-101").orElseThrow().sources().get(Step.ON_SCENE));

        int nodeSteps = count(nodeDatabase, "SELECT COUNT(*) FROM fo_step WHERE incident_id = ?", incidentId);
        waitFor("the outbox to drain to HQ", () -> uplink.status().backlog() == 0);
        assertEquals("every step report reaches HQ once", nodeSteps,
                count(hqDatabase, "SELECT COUNT(*) FROM hq_record WHERE record_type = 'incident-step' AND payload LIKE ?", "%" + incidentId + "%"));
        assertEquals(1, count(hqDatabase, "SELECT COUNT(*) FROM hq_record WHERE record_type = 'incident' AND payload LIKE ?", "%" + incidentId + "%"));
        List<String> hqCalls = payloads("call");
        assertEquals(2, hqCalls.size());
        assertFalse("caller numbers reach HQ masked: " + hqCalls, hqCalls.toString().contains("03001110001"));
        assertTrue(hqCalls.toString(), hqCalls.toString().contains("********001"));
        String onScene = payloads("incident-step").stream()
                .filter(p -> p.contains("\"vehicleId\":\"AMB-LHR-101\"") && p.contains("\"step\":\"on-scene\"")).findFirst().orElseThrow();
        assertTrue(onScene, onScene.contains("\"time\":\"2026-12-04T10:06:59Z\""));
        assertTrue(onScene, onScene.contains("\"source\":\"gps\""));
    }

    @Test
    public void consoleTakesCallAndShowsIncident() {
        String output = executeCommand("rescue:call-new --type fire --landmark 'Data Darbar' --caller 03001112222 --people 3");
        assertTrue(output, output.contains("incident INC-"));
        String incidentId = output.substring(output.indexOf("incident INC-") + 9, output.indexOf("incident INC-") + 19);

        String ranking = executeCommand("rescue:dispatch " + incidentId);
        assertTrue(ranking, ranking.contains("FIRE-LHR-211"));
        executeCommand("rescue:dispatch " + incidentId + " FIRE-LHR-211");
        String list = executeCommand("rescue:incident-list");
        String show = executeCommand("rescue:incident-show " + incidentId);
        String kpi = executeCommand("rescue:kpi --from 2026-01-01 --to 2027-01-01");

        assertTrue(list, list.contains(incidentId));
        assertTrue(list, list.contains("FIRE-LHR-211 dispatched"));
        assertTrue(show, show.contains("Data Darbar"));
        assertTrue(show, show.contains("FIRE-LHR-211"));
        assertTrue(kpi, kpi.contains("fire"));
        AssertionError rejected = expectFailure("rescue:call-new --type fire --at 31.5,200");
        assertTrue(rejected.getMessage(), rejected.getMessage().contains("is invalid; write LAT,LON"));
    }

    private AssertionError expectFailure(String command) {
        try {
            executeCommand(command);
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("command '" + command + "' succeeded but should have failed");
    }

    private List<String> payloads(String recordType) {
        List<String> result = new ArrayList<>();
        try (Connection connection = hqDatabase.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT payload FROM hq_record WHERE record_type = ?")) {
            query.setString(1, recordType);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("HQ query failed: " + e.getMessage(), e);
        }
        return result;
    }

    private static int count(DataSource database, String sql, String parameter) {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Sends the scenario's fixes through the bus under a device assigned to each vehicle, and moves the front office's clock. */
    private final class NodeTarget implements ScenarioTarget, AutoCloseable {

        private final ProducerTemplate producer = camel.createProducerTemplate();
        private final Map<String, String> deviceOf = new HashMap<>();

        @Override
        public FrontOfficeService frontOffice() {
            return frontOffice;
        }

        @Override
        public void advanceTo(Instant time) {
            simulatedTime.set(time);
        }

        @Override
        public void position(String vehicleId, PositionFix fix) {
            String deviceId = deviceOf.computeIfAbsent(vehicleId, v -> {
                String id = uniqueDeviceId("IT-FO");
                devices.connected(id, "scenario");
                devices.assign(id, v);
                return id;
            });
            producer.requestBody(BusEndpoints.POSITION, fix.withDeviceId(deviceId));
            waitFor("the front office to take the fix of " + vehicleId + " at " + fix.fixTime(), () -> frontOffice.vehicles().stream()
                    .filter(v -> v.vehicleId().equals(vehicleId)).map(Vehicle::lastFixTime)
                    .anyMatch(t -> t != null && !t.isBefore(fix.fixTime())));
        }

        @Override
        public void close() throws Exception {
            producer.stop();
        }
    }
}
