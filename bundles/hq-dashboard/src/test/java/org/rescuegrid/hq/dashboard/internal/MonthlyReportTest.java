package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rescuegrid.hq.internal.HqAuditComponent;
import org.rescuegrid.hq.internal.HqDatabase;
import org.rescuegrid.hq.internal.HqKpiComponent;
import org.rescuegrid.hq.internal.HqReportComponent;
import org.rescuegrid.store.schema.Jdbc;
import org.rescuegrid.testing.EmbeddedDerby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The November 2026 report of province PB-LHR against totals worked out by hand. November in Asia/Karachi
 * (UTC+5) runs from 2026-10-31T19:00:00Z to 2026-11-30T19:00:00Z.
 *
 * <pre>
 * Lahore      call (UTC)        type                   on scene   outcome (rescued, first aid, hospital, deaths)
 *   L1        11-03 10:00       fire                   6:00       3, 2, 1, 0
 *   L2        11-10 05:00       road-traffic-accident  8:00       5, 1, 4, 1   (two emergency calls)
 *   L3        11-20 22:30       road-traffic-accident  7:00       0, 0, 0, 2   (exactly 7 minutes counts as within)
 *   L4        11-25 08:00       medical-emergency      -          -
 *   L5        10-31 19:00       fire                   5:00       1, 1, 0, 0   (first second of November)
 *   L0        10-31 18:59:59    fire                   5:00       9, 0, 0, 0   (October: left out)
 *   L9        11-30 19:00       fire                   -          -            (December: left out)
 *   other calls: nuisance 2, wrong-number 1, fake 1 in November; information 1 in October
 * Faisalabad
 *   F1        11-15 12:00       drowning               10:00      2, 0, 2, 1
 *   other calls: blank 1, nuisance 1
 * SD-KHI (other province, left out): K1 fire 11-05, outcome 7 rescued; one overspeed
 * Driving events PB-LHR: overspeed 11-02 and 11-29, harsh-braking 11-12; overspeed 10-31 18:00 (October)
 * Compliance steps by incident created (UTC), with the district of the responsible person:
 *   L1        11-03 10:00:20    met Lahore, late 120 s Lahore, not-applicable Lahore
 *   L2        11-10 05:00:20    met Lahore, missed Lahore
 *   L3        11-20 22:30:20    met, nobody responsible (no district)
 *   F1        11-15 12:00:20    met Faisalabad, met Faisalabad, late 300 s Faisalabad
 *   L0        10-31 18:59:00    missed Lahore (October: left out)
 *   K1        11-05 00:00:20    missed Karachi (SD-KHI)
 *
 * Lahore:     calls 10 (emergency 6), emergencies 5 (fire 2, road-traffic-accident 2, medical-emergency 1),
 *             outcomes of 4: rescued 9, first aid 4, hospital 5, deaths 3; reached 4, within 3 = 75.0 %,
 *             mean (360 + 480 + 420 + 300) / 4 = 390.0 s; no driving events (they carry no place);
 *             compliance of 2 incidents: met 2, late 1, missed 1, not applicable 1, score 2 / 4 = 50 %, late 120 s
 * Faisalabad: calls 3 (emergency 1), emergencies 1, outcomes of 1: 2, 0, 2, 1; reached 1, within 0 = 0.0 %, mean 600.0 s;
 *             compliance of 1 incident: met 2, late 1, score 2 / 3 = 66.7, rounded 67 %, late 300 s
 * Province:   calls 13 (emergency 7), emergencies 6, outcomes of 5: 11, 4, 7, 4; reached 5, within 3 = 60.0 %,
 *             mean 2160 / 5 = 432.0 s; driving events 3 (harsh-braking 1, overspeed 2);
 *             compliance of 4 incidents: met 5, late 2, missed 1, not applicable 1, score 5 / 8 = 62.5, rounded 63 %, late 420 s
 * SD-KHI:     driving events 1 (overspeed 1); compliance of 1 incident: missed 1, score 0 %
 * </pre>
 */
class MonthlyReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    private static final String FROM = "2026-10-31T19:00:00Z";
    private static final String TO = "2026-11-30T19:00:00Z";

    private static final String LAHORE_JSON = """
            {"province":"PB-LHR","district":"Lahore","from":"2026-10-31T19:00:00Z","to":"2026-11-30T19:00:00Z",
             "callsReceived":10,"emergencyCalls":6,"callsByDisposition":{"emergency":6,"fake":1,"nuisance":2,"wrong-number":1},
             "emergencies":5,"emergenciesByType":{"fire":2,"medical-emergency":1,"road-traffic-accident":2},
             "outcomes":{"incidents":4,"peopleRescued":9,"firstAidOnScene":4,"takenToHospital":5,"deathsOnScene":3},
             "responded":4,"withinTarget":3,"targetSeconds":420,"shareWithinTargetPercent":75.0,"meanResponseSeconds":390.0,
             "driverEventsByType":null,
             "compliance":{"incidents":2,"scorePercent":50,"met":2,"late":1,"missed":1,"notApplicable":1,"totalLateSeconds":120}}""";
    private static final String FAISALABAD_JSON = """
            {"province":"PB-LHR","district":"Faisalabad","from":"2026-10-31T19:00:00Z","to":"2026-11-30T19:00:00Z",
             "callsReceived":3,"emergencyCalls":1,"callsByDisposition":{"blank":1,"emergency":1,"nuisance":1},
             "emergencies":1,"emergenciesByType":{"drowning":1},
             "outcomes":{"incidents":1,"peopleRescued":2,"firstAidOnScene":0,"takenToHospital":2,"deathsOnScene":1},
             "responded":1,"withinTarget":0,"targetSeconds":420,"shareWithinTargetPercent":0.0,"meanResponseSeconds":600.0,
             "driverEventsByType":null,
             "compliance":{"incidents":1,"scorePercent":67,"met":2,"late":1,"missed":0,"notApplicable":0,"totalLateSeconds":300}}""";
    private static final String PROVINCE_JSON = """
            {"province":"PB-LHR","district":null,"from":"2026-10-31T19:00:00Z","to":"2026-11-30T19:00:00Z",
             "callsReceived":13,"emergencyCalls":7,"callsByDisposition":{"blank":1,"emergency":7,"fake":1,"nuisance":3,"wrong-number":1},
             "emergencies":6,"emergenciesByType":{"drowning":1,"fire":2,"medical-emergency":1,"road-traffic-accident":2},
             "outcomes":{"incidents":5,"peopleRescued":11,"firstAidOnScene":4,"takenToHospital":7,"deathsOnScene":4},
             "responded":5,"withinTarget":3,"targetSeconds":420,"shareWithinTargetPercent":60.0,"meanResponseSeconds":432.0,
             "driverEventsByType":{"harsh-braking":1,"overspeed":2},
             "compliance":{"incidents":4,"scorePercent":63,"met":5,"late":2,"missed":1,"notApplicable":1,"totalLateSeconds":420}}""";

    private static final String PERIOD = "PB-LHR,%s,2026-10-31T19:00:00Z,2026-11-30T19:00:00Z,";
    private static final String PROVINCE_CSV = """
            calls_received,,13
            emergency_calls,,7
            calls_by_disposition,blank,1
            calls_by_disposition,emergency,7
            calls_by_disposition,fake,1
            calls_by_disposition,nuisance,3
            calls_by_disposition,wrong-number,1
            emergencies,,6
            emergencies_by_type,drowning,1
            emergencies_by_type,fire,2
            emergencies_by_type,medical-emergency,1
            emergencies_by_type,road-traffic-accident,2
            incidents_with_outcome,,5
            people_rescued,,11
            first_aid_on_scene,,4
            taken_to_hospital,,7
            deaths_on_scene,,4
            responded,,5
            within_target,,3
            target_seconds,,420
            share_within_target_percent,,60.0
            mean_response_seconds,,432.0
            driver_events,,3
            driver_events_by_type,harsh-braking,1
            driver_events_by_type,overspeed,2
            compliance_incidents,,4
            compliance_steps,met,5
            compliance_steps,late,2
            compliance_steps,missed,1
            compliance_steps,not-applicable,1
            compliance_score_percent,,63
            compliance_late_seconds,,420
            """;
    private static final String FAISALABAD_CSV = """
            calls_received,,3
            emergency_calls,,1
            calls_by_disposition,blank,1
            calls_by_disposition,emergency,1
            calls_by_disposition,nuisance,1
            emergencies,,1
            emergencies_by_type,drowning,1
            incidents_with_outcome,,1
            people_rescued,,2
            first_aid_on_scene,,0
            taken_to_hospital,,2
            deaths_on_scene,,1
            responded,,1
            within_target,,0
            target_seconds,,420
            share_within_target_percent,,0.0
            mean_response_seconds,,600.0
            compliance_incidents,,1
            compliance_steps,met,2
            compliance_steps,late,1
            compliance_steps,missed,0
            compliance_steps,not-applicable,0
            compliance_score_percent,,67
            compliance_late_seconds,,300
            """;
    private static final String LAHORE_CSV = """
            calls_received,,10
            emergency_calls,,6
            calls_by_disposition,emergency,6
            calls_by_disposition,fake,1
            calls_by_disposition,nuisance,2
            calls_by_disposition,wrong-number,1
            emergencies,,5
            emergencies_by_type,fire,2
            emergencies_by_type,medical-emergency,1
            emergencies_by_type,road-traffic-accident,2
            incidents_with_outcome,,4
            people_rescued,,9
            first_aid_on_scene,,4
            taken_to_hospital,,5
            deaths_on_scene,,3
            responded,,4
            within_target,,3
            target_seconds,,420
            share_within_target_percent,,75.0
            mean_response_seconds,,390.0
            compliance_incidents,,2
            compliance_steps,met,2
            compliance_steps,late,1
            compliance_steps,missed,1
            compliance_steps,not-applicable,1
            compliance_score_percent,,50
            compliance_late_seconds,,120
            """;

    @TempDir
    Path directory;

    private EmbeddedDerby derby;
    private DashboardApi api;
    private DefaultCamelContext camel;

    @BeforeEach
    void storeScenario() throws SQLException {
        derby = new EmbeddedDerby(directory);
        HqDatabase database = new HqDatabase(derby.dataSource());
        HqKpiComponent kpis = new HqKpiComponent(database);
        api = new DashboardApi(new HqReadModel(derby.dataSource()), kpis, new HqReportComponent(database, kpis),
                DashboardSettings.from(Map.of()), Clock.fixed(NOW, ZoneOffset.UTC), new BackOfficeFacts(new ComplianceReadModel(derby.dataSource()),
                        new DriverEventReadModel(derby.dataSource()), new HqAuditComponent(database)));
        camel = new DefaultCamelContext();

        incident("PB-LHR", "Lahore", "L1", "fire", "2026-11-03T10:00:00Z", 360);
        outcome("PB-LHR", "L1", 3, 2, 1, 0);
        incident("PB-LHR", "Lahore", "L2", "road-traffic-accident", "2026-11-10T05:00:00Z", 480);
        call("PB-LHR", "Lahore", "emergency", "2026-11-10T05:01:30Z", "L2");
        outcome("PB-LHR", "L2", 5, 1, 4, 1);
        incident("PB-LHR", "Lahore", "L3", "road-traffic-accident", "2026-11-20T22:30:00Z", 420);
        outcome("PB-LHR", "L3", 0, 0, 0, 2);
        incident("PB-LHR", "Lahore", "L4", "medical-emergency", "2026-11-25T08:00:00Z", null);
        incident("PB-LHR", "Lahore", "L5", "fire", "2026-10-31T19:00:00Z", 300);
        outcome("PB-LHR", "L5", 1, 1, 0, 0);
        incident("PB-LHR", "Lahore", "L0", "fire", "2026-10-31T18:59:59Z", 300);
        outcome("PB-LHR", "L0", 9, 0, 0, 0);
        incident("PB-LHR", "Lahore", "L9", "fire", "2026-11-30T19:00:00Z", null);
        call("PB-LHR", "Lahore", "nuisance", "2026-11-04T09:00:00Z", null);
        call("PB-LHR", "Lahore", "nuisance", "2026-11-05T09:00:00Z", null);
        call("PB-LHR", "Lahore", "wrong-number", "2026-11-06T09:00:00Z", null);
        call("PB-LHR", "Lahore", "fake", "2026-11-07T09:00:00Z", null);
        call("PB-LHR", "Lahore", "information", "2026-10-30T09:00:00Z", null);

        incident("PB-LHR", "Faisalabad", "F1", "drowning", "2026-11-15T12:00:00Z", 600);
        outcome("PB-LHR", "F1", 2, 0, 2, 1);
        call("PB-LHR", "Faisalabad", "blank", "2026-11-16T01:00:00Z", null);
        call("PB-LHR", "Faisalabad", "nuisance", "2026-11-17T01:00:00Z", null);

        incident("SD-KHI", "Karachi", "K1", "fire", "2026-11-05T00:00:00Z", 200);
        outcome("SD-KHI", "K1", 7, 0, 7, 0);
        driverEvent("SD-KHI", "overspeed", "2026-11-05T01:00:00Z");

        driverEvent("PB-LHR", "overspeed", "2026-11-02T07:00:00Z");
        driverEvent("PB-LHR", "overspeed", "2026-11-29T07:00:00Z");
        driverEvent("PB-LHR", "harsh-braking", "2026-11-12T07:00:00Z");
        driverEvent("PB-LHR", "overspeed", "2026-10-31T18:00:00Z");

        complianceSteps("PB-LHR", "L1", "2026-11-03T10:00:20Z", "met Lahore", "late Lahore 120", "not-applicable Lahore");
        complianceSteps("PB-LHR", "L2", "2026-11-10T05:00:20Z", "met Lahore", "missed Lahore");
        complianceSteps("PB-LHR", "L3", "2026-11-20T22:30:20Z", "met -");
        complianceSteps("PB-LHR", "F1", "2026-11-15T12:00:20Z", "met Faisalabad", "met Faisalabad", "late Faisalabad 300");
        complianceSteps("PB-LHR", "L0", "2026-10-31T18:59:00Z", "missed Lahore");
        complianceSteps("SD-KHI", "K1", "2026-11-05T00:00:20Z", "missed Karachi");
    }

    @AfterEach
    void close() throws Exception {
        camel.close();
        derby.close();
    }

    @Test
    void monthlyJsonHasEveryFigure() throws Exception {
        Exchange reply = get("reports", "province=PB-LHR&month=2026-11");

        assertEquals(200, status(reply), body(reply));
        JsonNode body = MAPPER.readTree(body(reply));
        assertEquals(FROM, body.get("from").asText());
        assertEquals(TO, body.get("to").asText());
        assertEquals("Asia/Karachi", body.get("timeZone").asText());
        assertEquals(3, body.get("reports").size());
        assertEquals(MAPPER.readTree(PROVINCE_JSON), body.get("reports").get(0));
        assertEquals(MAPPER.readTree(FAISALABAD_JSON), body.get("reports").get(1));
        assertEquals(MAPPER.readTree(LAHORE_JSON), body.get("reports").get(2));
    }

    @Test
    void districtReportHasOnlyTheDistrict() throws Exception {
        JsonNode body = MAPPER.readTree(body(get("reports", "province=PB-LHR&district=Lahore&month=2026-11&format=json")));

        assertEquals(1, body.get("reports").size());
        assertEquals(MAPPER.readTree(LAHORE_JSON), body.get("reports").get(0));
    }

    @Test
    void monthlyCsvHasEveryFigure() {
        Exchange reply = get("reports", "province=PB-LHR&month=2026-11&format=csv");

        assertEquals(200, status(reply));
        assertEquals("text/csv; charset=utf-8", reply.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertEquals("attachment; filename=\"rescuegrid-report-PB-LHR-2026-11.csv\"", reply.getMessage().getHeader("Content-Disposition"));
        String expected = "province,district,from,to,figure,category,value\r\n" + rows("", PROVINCE_CSV) + rows("Faisalabad", FAISALABAD_CSV)
                + rows("Lahore", LAHORE_CSV);
        assertEquals(expected, body(reply));
    }

    @Test
    void monthlyPdfHasEveryFigure() throws Exception {
        Exchange reply = get("reports", "province=PB-LHR&district=Lahore&month=2026-11&format=pdf");

        assertEquals(200, status(reply));
        assertEquals("application/pdf", reply.getMessage().getHeader(Exchange.CONTENT_TYPE));
        String text;
        try (PDDocument document = Loader.loadPDF(reply.getMessage().getBody(byte[].class))) {
            text = new PDFTextStripper().getText(document).replace("\r\n", "\n");
        }
        List<String> lines = List.of(text.split("\n"));
        for (String expected : List.of("RescueGrid report 2026-11: district Lahore",
                "Period 2026-11-01 00:00 to 2026-12-01 00:00 (Asia/Karachi), end excluded",
                "PB-LHR, district Lahore",
                "Calls received 10",
                "Emergency calls 6",
                "Calls: emergency 6",
                "Calls: fake 1",
                "Calls: nuisance 2",
                "Calls: wrong-number 1",
                "Emergencies 5",
                "Emergencies: fire 2",
                "Emergencies: medical-emergency 1",
                "Emergencies: road-traffic-accident 2",
                "Emergencies closed with an outcome 4",
                "People rescued 9",
                "First aid on scene 4",
                "Taken to hospital 5",
                "Deaths on scene 3",
                "Emergencies reached 4",
                "Reached within 7 minutes 3",
                "Share within 7 minutes 75.0 %",
                "Mean response time 6:30 (390.0 s)",
                "Driver events counted for PB-LHR as a whole",
                "Incidents with compliance results 2",
                "Compliance score 50 %",
                "Steps met 2",
                "Steps late 1",
                "Steps missed 1",
                "Steps not applicable 1",
                "Total delay of late steps 2:00")) {
            assertTrue(lines.stream().anyMatch(line -> line.strip().equals(expected)), "'" + expected + "' is missing from:\n" + text);
        }
    }

    @Test
    void monthlyPdfInUrdu() throws Exception {
        Exchange reply = get("reports", "province=PB-LHR&district=Lahore&month=2026-11&format=pdf&lang=ur");

        assertEquals(200, status(reply));
        String text;
        try (PDDocument document = Loader.loadPDF(reply.getMessage().getBody(byte[].class))) {
            text = new PDFTextStripper().getText(document);
        }
        assertTrue(text.contains("موصول کالیں"), text);
        assertTrue(text.contains("طریقۂ کار کی پابندی کا اسکور"), text);
        assertTrue(text.contains("ضلع"), text);
        assertTrue(text.contains("Lahore"), text);
    }

    @Test
    void kpiEndpointGivesSameFigures() throws Exception {
        JsonNode body = MAPPER.readTree(body(get("kpi", "from=" + FROM + "&to=" + TO)));

        for (String report : new String[] {PROVINCE_JSON, FAISALABAD_JSON, LAHORE_JSON}) {
            JsonNode expected = MAPPER.readTree(report);
            JsonNode kpi = find(body.get("kpis"), expected.get("province").asText(), expected.get("district").textValue());
            String area = expected.get("district").asText();
            assertEquals(expected.get("callsReceived").asLong(), kpi.get("calls").asLong(), area);
            assertEquals(expected.get("callsByDisposition"), kpi.get("callsByDisposition"), area);
            assertEquals(expected.get("emergenciesByType"), kpi.get("incidentsByType"), area);
            assertEquals(expected.get("responded").asInt(), kpi.get("responded").asInt(), area);
            assertEquals(expected.get("withinTarget").asInt(), kpi.get("withinTarget").asInt(), area);
            assertEquals(expected.get("meanResponseSeconds").asDouble(), kpi.get("response").get("meanSeconds").asDouble(), area);
        }
    }

    @Test
    void driverEventsAndComplianceOfEachNode() throws Exception {
        JsonNode body = MAPPER.readTree(body(get("reports", "province=SD-KHI&month=2026-11")));

        JsonNode karachi = body.get("reports").get(0);
        assertEquals(MAPPER.readTree("{\"overspeed\":1}"), karachi.get("driverEventsByType"));
        assertEquals(MAPPER.readTree("{\"incidents\":1,\"scorePercent\":0,\"met\":0,\"late\":0,\"missed\":1,\"notApplicable\":0,"
                + "\"totalLateSeconds\":0}"), karachi.get("compliance"));
    }

    @Test
    void dashboardPanelsGiveSameFigures() throws Exception {
        JsonNode driving = MAPPER.readTree(body(get("driver-events", "from=" + FROM + "&to=" + TO)));
        JsonNode compliance = MAPPER.readTree(body(get("compliance", "from=" + FROM + "&to=" + TO)));
        JsonNode province = MAPPER.readTree(PROVINCE_JSON);

        JsonNode lahoreNode = byField(driving.get("districts"), "district", "PB-LHR");
        assertEquals(province.get("driverEventsByType"), lahoreNode.get("byKind"));
        assertEquals(3, lahoreNode.get("events").asLong());
        JsonNode lahoreScores = byField(compliance.get("districts"), "district", "PB-LHR");
        assertEquals(province.get("compliance").get("incidents"), lahoreScores.get("incidents"));
        assertScore(province.get("compliance"), lahoreScores.get("score"), "PB-LHR");
        for (String report : new String[] {LAHORE_JSON, FAISALABAD_JSON}) {
            JsonNode expected = MAPPER.readTree(report);
            String district = expected.get("district").asText();
            assertScore(expected.get("compliance"), byField(lahoreScores.get("byDistrict"), "key", district), district);
        }
    }

    @Test
    void trendsByDayAndShiftInLocalTime() throws Exception {
        JsonNode body = MAPPER.readTree(body(get("trends", "province=PB-LHR&district=Lahore&month=2026-11")));

        JsonNode days = body.get("days");
        assertEquals(30, days.size());
        // L5 at 2026-10-31T19:00Z is 00:00 on 1 November in Karachi: the night shift of the 1st.
        assertEquals("2026-11-01", days.get(0).get("date").asText());
        assertEquals(1, days.get(0).get("emergencies").asInt());
        assertEquals(1, days.get(0).get("shifts").get("night").get("emergencies").asInt());
        assertEquals(300.0, days.get(0).get("meanResponseSeconds").asDouble());
        // L1 at 10:00Z is 15:00 in Karachi: the morning shift of the 3rd.
        assertEquals(1, days.get(2).get("shifts").get("morning").get("withinTarget").asInt());
        assertEquals(0, days.get(2).get("shifts").get("evening").get("emergencies").asInt());
        // L3 at 22:30Z on the 20th is 03:30 on the 21st.
        assertEquals(1, days.get(20).get("shifts").get("night").get("responded").asInt());
        assertEquals(0, days.get(19).get("emergencies").asInt());
        long emergencies = 0;
        for (JsonNode day : days) {
            emergencies += day.get("emergencies").asLong();
        }
        assertEquals(5, emergencies);
    }

    @Test
    void invalidParametersRejected() throws Exception {
        assertRejected("province=PB-LHR&month=2026-13", "month '2026-13' is invalid; give month=YYYY-MM such as month=2026-11");
        assertRejected("province=PB-LHR&month=2026-11&format=pdf&lang=fr", "lang 'fr' is invalid; give lang=en or lang=ur");
        assertRejected("province=PB-LHR&month=2026-11&format=xls", "format 'xls' is invalid; give format=json, format=csv or format=pdf");
        assertRejected("month=2026-11", "province is missing; give province= with 1-64 letters, digits, spaces, '.', '_' or '-',"
                + " as the province names it, such as PB-LHR");
        assertRejected("province=PB-LHR&district=%3Cscript%3E&month=2026-11", "district '<script>' is invalid; give 1-64 letters, digits,"
                + " spaces, '.', '_' or '-', as the province names it");
        assertRejected("province=PB-LHR&from=2026-11-10&to=2026-11-01", "from 2026-11-09T19:00:00Z is not before to 2026-10-31T19:00:00Z");
        assertRejected("province=PB-LHR&from=yesterday&to=2026-11-01", "from 'yesterday' is invalid; give month=YYYY-MM");
        assertRejected("province=PB-LHR&month=2026-11&from=2026-11-01", "give either month or from and to, not both");
        assertRejected("province=PB-LHR", "the period is missing; give month=YYYY-MM");
    }

    @Test
    void periodFromDatesInLocalTime() throws Exception {
        JsonNode body = MAPPER.readTree(body(get("reports", "province=PB-LHR&district=Lahore&from=2026-11-01&to=2026-11-04")));

        assertEquals(FROM, body.get("from").asText());
        assertEquals("2026-11-03T19:00:00Z", body.get("to").asText());
        // L5 and L1.
        assertEquals(2, body.get("reports").get(0).get("emergencies").asInt());
    }

    private void assertRejected(String query, String messageStart) throws Exception {
        Exchange reply = get("reports", query);
        String error = MAPPER.readTree(body(reply)).get("error").asText();
        assertEquals(400, status(reply), query);
        assertTrue(error.startsWith(messageStart), query + " gave " + error);
    }

    private static String rows(String district, String figures) {
        StringBuilder rows = new StringBuilder();
        for (String line : figures.strip().split("\n")) {
            rows.append(PERIOD.formatted(district)).append(line).append("\r\n");
        }
        return rows.toString();
    }

    private static void assertScore(JsonNode report, JsonNode panel, String area) {
        for (String field : new String[] {"scorePercent", "met", "late", "missed", "notApplicable", "totalLateSeconds"}) {
            assertEquals(report.get(field), panel.get(field), area + " " + field);
        }
    }

    private static JsonNode byField(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.get(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + items);
    }

    private static JsonNode find(JsonNode kpis, String province, String district) {
        for (JsonNode kpi : kpis) {
            if (kpi.get("province").asText().equals(province) && java.util.Objects.equals(kpi.get("district").textValue(), district)) {
                return kpi;
            }
        }
        throw new AssertionError("no KPIs of " + province + "/" + district + " in " + kpis);
    }

    /** Sends a request through the API as the HTTP route does, catching the rejection the route turns into 400. */
    private Exchange get(String resource, String query) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        try {
            api.answer(exchange, resource);
        } catch (DashboardApi.BadRequest e) {
            HttpExchange.error(exchange, 400, e.getMessage());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return exchange;
    }

    private static int status(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    private void incident(String province, String district, String incidentId, String type, String received, Integer onSceneAfter)
            throws SQLException {
        Instant call = Instant.parse(received);
        try (Connection connection = derby.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hq_incident (event_id, province, incident_id, incident_type, district, latitude, longitude, call_received_at,"
                        + " created_at, dispatched_at, on_scene_at) VALUES (?, ?, ?, ?, ?, 31.5, 74.3, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, province);
            insert.setString(3, incidentId);
            insert.setString(4, type);
            insert.setString(5, district);
            Jdbc.setInstant(insert, 6, call);
            Jdbc.setInstant(insert, 7, call.plusSeconds(20));
            Jdbc.setInstant(insert, 8, call.plusSeconds(60));
            Jdbc.setInstant(insert, 9, onSceneAfter == null ? null : call.plusSeconds(onSceneAfter));
            insert.executeUpdate();
        }
        call(province, district, "emergency", received, incidentId);
    }

    private void call(String province, String district, String disposition, String received, String incidentId) throws SQLException {
        try (Connection connection = derby.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hq_call (event_id, province, call_id, received_at, disposition, incident_id, district) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            String eventId = UUID.randomUUID().toString();
            insert.setString(1, eventId);
            insert.setString(2, province);
            insert.setString(3, "CALL-" + eventId.substring(0, 8));
            Jdbc.setInstant(insert, 4, Instant.parse(received));
            insert.setString(5, disposition);
            insert.setString(6, incidentId);
            insert.setString(7, district);
            insert.executeUpdate();
        }
    }

    private void outcome(String province, String incidentId, int rescued, int firstAid, int hospital, int deaths) throws SQLException {
        try (Connection connection = derby.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hq_outcome (event_id, province, incident_id, people_rescued, first_aid_on_scene, taken_to_hospital,"
                        + " deaths_on_scene, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, province);
            insert.setString(3, incidentId);
            insert.setInt(4, rescued);
            insert.setInt(5, firstAid);
            insert.setInt(6, hospital);
            insert.setInt(7, deaths);
            Jdbc.setInstant(insert, 8, NOW);
            insert.executeUpdate();
        }
    }

    private void driverEvent(String province, String type, String time) throws SQLException {
        try (Connection connection = derby.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hq_driver_event (event_id, province, vehicle_id, vehicle_type, event_type, event_time, from_tracker, shift,"
                        + " shift_day) VALUES (?, ?, 'AMB-1', 'ambulance', ?, ?, TRUE, 'morning', DATE('2026-11-02'))")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, province);
            insert.setString(3, type);
            Jdbc.setInstant(insert, 4, Instant.parse(time));
            insert.executeUpdate();
        }
    }

    /** Stores an incident's step results, each written as "status district [late seconds]" with "-" for no district. */
    private void complianceSteps(String province, String incidentId, String created, String... steps) throws SQLException {
        try (Connection connection = derby.dataSource().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hq_compliance_step (event_id, province, incident_id, incident_type, sop_version, incident_created_at, step_order,"
                        + " step_id, status, late_seconds, district) VALUES (?, ?, ?, 'fire', 1, ?, ?, ?, ?, ?, ?)")) {
            String eventId = UUID.randomUUID().toString();
            for (int i = 0; i < steps.length; i++) {
                String[] parts = steps[i].split(" ");
                insert.setString(1, eventId);
                insert.setString(2, province);
                insert.setString(3, incidentId);
                Jdbc.setInstant(insert, 4, Instant.parse(created));
                insert.setInt(5, i + 1);
                insert.setString(6, "step-" + (i + 1));
                insert.setString(7, parts[0]);
                if (parts.length > 2) {
                    insert.setLong(8, Long.parseLong(parts[2]));
                } else {
                    insert.setNull(8, java.sql.Types.BIGINT);
                }
                insert.setString(9, "-".equals(parts[1]) ? null : parts[1]);
                insert.executeUpdate();
            }
        }
    }
}
