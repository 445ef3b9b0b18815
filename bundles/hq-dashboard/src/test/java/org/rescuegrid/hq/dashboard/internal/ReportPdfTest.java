package org.rescuegrid.hq.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;

class ReportPdfTest {

    private static final Instant FROM = Instant.parse("2026-10-31T19:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-30T19:00:00Z");

    @Test
    void urduReportReadsBack() throws Exception {
        ReportLabels urdu = ReportLabels.of("ur");
        String title = ReportPdf.title(urdu, "2026-11", "PB-LHR", "لاہور");

        byte[] pdf = ReportPdf.write(urdu, title, List.of(report("لاہور", 12)), TO);

        String text = text(pdf);
        assertTrue(text.contains("لاہور"), text);
        assertTrue(text.contains("موصول کالیں"), text);
        assertTrue(text.contains("ڈرائیونگ کے واقعات"), text);
        assertTrue(text.contains("ضلع لاہور"), text);
    }

    @Test
    void urduShapedIntoPresentationForms() {
        // Lahore: lam-alef ligature, then heh goal (initial), waw (final) and reh (isolated), right to left.
        String visual = ShapedText.visual("لاہور", true);

        assertEquals("\\uFEAD\\uFEEE\\uFBA8\\uFEFB", visual.codePoints().mapToObj(c -> String.format("\\u%04X", c))
                .reduce("", String::concat));
    }

    @Test
    void everyUrduLetterFormPrints() throws Exception {
        // Each letter Urdu adds to Arabic, joined on both sides, at the start and at the end of a word. Noon
        // ghunna ends words only; joined on its left side it prints, and reads back, as noon.
        String letters = "بٹب ٹب بٹ بپب بچب بڈ بڑ بژ بکب کب بگب بں ں بھب ھب بہب ہب بیب یب بے بۓ";
        ReportLabels urdu = ReportLabels.of("ur");

        String text = text(ReportPdf.write(urdu, letters, List.of(report(letters, 1)), TO));

        assertTrue(text.contains(letters), text);
        assertFalse(text.contains("?"), text);
    }

    @Test
    void englishReportPrintsUrduName() throws Exception {
        ReportLabels english = ReportLabels.of("en");

        byte[] pdf = ReportPdf.write(english, ReportPdf.title(english, "2026-11", "PB-LHR", null), List.of(report("لاہور (Lahore)", 5)), TO);

        String text = text(pdf);
        assertTrue(text.contains("Calls received 5"), text);
        assertTrue(text.contains("لاہور"), text);
        assertTrue(text.contains("(Lahore)"), text);
    }

    @Test
    void manyDistrictsContinueOnNewPages() throws Exception {
        List<HqReport> reports = new ArrayList<>();
        reports.add(report(null, 120));
        for (int i = 1; i <= 12; i++) {
            reports.add(report("District " + i, i));
        }

        ReportLabels english = ReportLabels.of("en");
        byte[] pdf = ReportPdf.write(english, ReportPdf.title(english, "2026-11", "PB-LHR", null), reports, TO);

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

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
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
