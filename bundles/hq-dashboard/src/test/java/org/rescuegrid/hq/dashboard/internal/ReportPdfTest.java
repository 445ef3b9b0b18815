package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;

class ReportPdfTest {

    private static final Instant FROM = Instant.parse("2026-10-31T19:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T19:00:00Z");

    @Test
    void nonLatinNamesPrintable() {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        assertEquals("Multan", ReportPdf.printable(font, "Multan"));
        assertEquals("Dera Ismail Khan", ReportPdf.printable(font, "Dérà Ismail Khan"));
        assertEquals("????? (Lahore)", ReportPdf.printable(font, "لاہور (Lahore)"));
    }

    @Test
    void manyDistrictsContinueOnNewPages() throws Exception {
        List<HqReport> reports = new ArrayList<>();
        reports.add(report(null, 120));
        for (int i = 1; i <= 12; i++) {
            reports.add(report("District " + i, i));
        }

        byte[] pdf = ReportPdf.write("RescueGrid report 2026-11: province PB-LHR", reports, TO);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() > 1, "pages: " + document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("PB-LHR, whole province"), text);
            assertTrue(text.contains("Calls received 120"), text);
            assertTrue(text.contains("PB-LHR, district District 12"), text);
            assertTrue(text.contains("Share within 7 minutes -"), text);
            assertTrue(text.contains("Driver events 0"), text);
            assertTrue(text.contains("Compliance score -"), text);
            assertEquals("RescueGrid report 2026-11: province PB-LHR", document.getDocumentInformation().getTitle());
        }
    }

    private static HqReport report(String district, long calls) {
        HqKpi.Stats none = new HqKpi.Stats(0, null, null, null);
        HqKpi kpi = new HqKpi("PB-LHR", district, FROM, TO, Map.of("nuisance", calls), Map.of(), 0, 0, Duration.ofMinutes(7), none, none,
                none, none);
        return new HqReport("PB-LHR", district, FROM, TO, kpi, new HqReport.Outcomes(0, 0, 0, 0, 0), district == null ? Map.of() : null,
                new HqReport.Compliance(0, 0, 0, 0, 0, null, 0));
    }
}
