package org.rescuegrid.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.DriverEvent;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.scenario.BusTarget;
import org.rescuegrid.frontoffice.scenario.Scenario;
import org.rescuegrid.frontoffice.scenario.ScenarioPlayer;
import org.rescuegrid.frontoffice.scenario.ScenarioResult;
import org.rescuegrid.frontoffice.scenario.SimulatedTime;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqKpiService;

/**
 * Plays the demo's busy hour into the node through the bus, lets the uplink carry every record to HQ, and
 * checks that the KPIs HQ computes from its projections equal the node's, per district and shift.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KpiAtHqIT extends RescueGridTestSupport {

    @Inject
    @Filter(timeout = 120_000)
    private FrontOfficeService frontOffice;

    @Inject
    @Filter(timeout = 120_000)
    private DriverBehaviourService driving;

    @Inject
    @Filter(timeout = 120_000)
    private SimulatedTime simulatedTime;

    @Inject
    @Filter(timeout = 120_000)
    private CamelContext camel;

    @Inject
    @Filter(timeout = 120_000)
    private HqKpiService hqKpis;

    // Pax Exam looks for the annotation on the method it calls, so the override repeats it.
    @Override
    @Configuration
    public Option[] config() throws IOException {
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.cfg", "simulatedTimeAllowed", "true"),
                editConfigurationFilePut("etc/org.rescuegrid.frontoffice.cfg", "defaultDistrict", "Faisalabad"));
    }

    @Test
    public void hqFiguresEqualNodeFigures() throws Exception {
        Path file = Path.of(System.getProperty("karaf.etc"), "rescuegrid-demo-busy-hour.scn");
        Scenario scenario = Scenario.parse("demo", Files.readString(file, StandardCharsets.UTF_8));
        driving.assign("MB-FSD-401", "DRV-FSD-7", "it");
        ScenarioResult result;
        try (BusTarget target = new BusTarget(frontOffice, simulatedTime, devices, camel)) {
            result = new ScenarioPlayer(target, Double.POSITIVE_INFINITY).play(scenario);
        }
        assertEquals(List.of(), result.mismatches());
        Instant from = scenario.start();
        Instant to = from.plus(Duration.ofHours(2));
        waitFor("the patrol's three driving events", () -> driving.events(from, to).size() >= 3);
        waitFor("the outbox to drain to HQ", () -> uplink.status().backlog() == 0);

        KpiCalendar calendar = frontOffice.kpiCalendar();
        KpiCalendar.ShiftDay morning = calendar.shiftOf(from);
        assertEquals("morning", morning.shift().name());
        for (String district : Arrays.asList("Faisalabad", "Lahore", null)) {
            assertSame(district, frontOffice.kpi(from, to, district, null), hqKpis.kpi(PROVINCE, district, from, to, Duration.ofMinutes(7)));
            assertSame(district + " morning", frontOffice.kpi(morning.start(), morning.end(), district, "morning"),
                    hqKpis.kpi(PROVINCE, district, morning.start(), morning.end(), Duration.ofMinutes(7)));
        }
        Kpi faisalabad = frontOffice.kpi(from, to, "Faisalabad", null);
        assertEquals(6, faisalabad.responded());
        assertEquals(5, faisalabad.withinTarget());
        assertEquals(94L, faisalabad.callsByDisposition().entrySet().stream().filter(e -> e.getKey() != Disposition.EMERGENCY)
                .mapToLong(Map.Entry::getValue).sum());

        List<DriverEvent> events = driving.events(from, to);
        assertEquals(3, events.size());
        assertTrue(events.toString(), events.stream().allMatch(e -> "DRV-FSD-7".equals(e.driverId())));
        assertEquals(3, count(hqDatabase, "SELECT COUNT(*) FROM hq_driver_event WHERE driver_id = 'DRV-FSD-7'"));
        assertEquals(1, count(hqDatabase, "SELECT COUNT(*) FROM hq_record WHERE record_type = 'traffic'"));
    }

    private static void assertSame(String scope, Kpi node, HqKpi hq) {
        Map<String, Long> nodeCalls = new TreeMap<>();
        node.callsByDisposition().forEach((disposition, count) -> {
            if (count > 0) {
                nodeCalls.put(disposition.label(), count);
            }
        });
        Map<String, Long> nodeIncidents = new TreeMap<>();
        node.incidentsByType().forEach((IncidentType type, Long count) -> nodeIncidents.put(type.label(), count));
        assertEquals(scope + " calls", nodeCalls, new TreeMap<>(hq.callsByDisposition()));
        assertEquals(scope + " incidents", nodeIncidents, new TreeMap<>(hq.incidentsByType()));
        assertEquals(scope + " responded", node.responded(), hq.responded());
        assertEquals(scope + " within target", node.withinTarget(), hq.withinTarget());
        assertStats(scope + " response", node.response(), hq.response());
        assertStats(scope + " call handling", node.callHandling(), hq.callHandling());
        assertStats(scope + " dispatch", node.dispatch(), hq.dispatch());
        assertStats(scope + " travel", node.travel(), hq.travel());
    }

    private static void assertStats(String what, Kpi.Stats node, HqKpi.Stats hq) {
        assertEquals(what + " count", node.count(), hq.count());
        assertEquals(what + " mean", node.mean(), hq.mean());
        assertEquals(what + " median", node.median(), hq.median());
        assertEquals(what + " p90", node.p90(), hq.p90());
    }

    private static long count(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
