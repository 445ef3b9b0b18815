package org.rescuegrid.hq.dashboard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;

/**
 * Writes reports as an A4 PDF with Apache PDFBox: a title, the period, then one block of figures per area,
 * the province first. The labels match the CSV figures in words; percentages have one decimal.
 */
final class ReportPdf {

    private static final float MARGIN = 56;
    private static final float VALUE_X = 360;
    private static final float LINE = 15;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReportPdf() {
    }

    static byte[] write(String title, List<HqReport> reports, Instant generatedAt) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("RescueGrid HQ");
            Writer writer = new Writer(document);
            writer.line(writer.bold, 16, title, null);
            HqReport first = reports.get(0);
            writer.line(writer.regular, 10, "Period " + local(first.from()) + " to " + local(first.to()) + " (" + ReportPeriod.ZONE
                    + "), end excluded", null);
            writer.line(writer.regular, 10, "Generated " + generatedAt + " from the records HQ stores", null);
            for (HqReport report : reports) {
                writer.gap();
                area(writer, report);
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the report PDF could not be written: " + e.getMessage(), e);
        }
    }

    private static void area(Writer writer, HqReport report) throws IOException {
        HqKpi kpi = report.kpi();
        String name = report.district() == null ? report.province() + ", whole province" : report.province() + ", district " + report.district();
        writer.line(writer.bold, 12, name, null);
        writer.figure("Calls received", report.callsReceived());
        writer.figure("Emergency calls", report.emergencyCalls());
        counts(writer, "Calls", kpi.callsByDisposition());
        writer.figure("Emergencies", report.emergencies());
        counts(writer, "Emergencies", kpi.incidentsByType());
        writer.figure("Emergencies closed with an outcome", report.outcomes().incidents());
        writer.figure("People rescued", report.outcomes().peopleRescued());
        writer.figure("First aid on scene", report.outcomes().firstAidOnScene());
        writer.figure("Taken to hospital", report.outcomes().takenToHospital());
        writer.figure("Deaths on scene", report.outcomes().deathsOnScene());
        writer.figure("Emergencies reached", kpi.responded());
        writer.figure("Reached within " + kpi.target().toMinutes() + " minutes", kpi.withinTarget());
        Double share = ReportView.sharePercent(kpi);
        writer.figure("Share within " + kpi.target().toMinutes() + " minutes", share == null ? "-" : String.format(Locale.ROOT, "%.1f %%", share));
        Double mean = ReportView.seconds(kpi.response().mean());
        writer.figure("Mean response time", mean == null ? "-" : String.format(Locale.ROOT, "%d:%02d (%.1f s)",
                Math.round(mean) / 60, Math.round(mean) % 60, mean));
        if (report.driverEventsByType() == null) {
            writer.figure("Driver events", "counted for " + report.province() + " as a whole");
        } else {
            writer.figure("Driver events", ReportView.total(report.driverEventsByType()));
            counts(writer, "Driver events", report.driverEventsByType());
        }
        HqReport.Compliance compliance = report.compliance();
        writer.figure("Incidents with compliance results", compliance.incidents());
        writer.figure("Compliance score", compliance.scorePercent() == null ? "-" : compliance.scorePercent() + " %");
        writer.figure("    Steps met", compliance.met());
        writer.figure("    Steps late", compliance.late());
        writer.figure("    Steps missed", compliance.missed());
        writer.figure("    Steps not applicable", compliance.notApplicable());
        writer.figure("    Total delay of late steps", String.format(Locale.ROOT, "%d:%02d", compliance.totalLateSeconds() / 60,
                compliance.totalLateSeconds() % 60));
    }

    private static void counts(Writer writer, String label, Map<String, Long> counts) throws IOException {
        for (Map.Entry<String, Long> entry : new TreeMap<>(counts).entrySet()) {
            writer.figure("    " + label + ": " + entry.getKey(), entry.getValue());
        }
    }

    private static String local(Instant instant) {
        return ZonedDateTime.ofInstant(instant, ReportPeriod.ZONE).format(LOCAL_TIME);
    }

    /** Writes lines top to bottom and starts a new page when the current one is full. */
    private static final class Writer {

        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void figure(String label, Object value) throws IOException {
            line(regular, 10, label, String.valueOf(value));
        }

        void gap() {
            y -= LINE / 2;
        }

        void line(PDType1Font font, float size, String text, String value) throws IOException {
            if (y < MARGIN + LINE) {
                newPage();
            }
            show(font, size, MARGIN, text);
            if (value != null) {
                show(font, size, VALUE_X, value);
            }
            y -= size >= 12 ? LINE * 1.4f : LINE;
        }

        private void show(PDType1Font font, float size, float x, String text) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(font, text));
            content.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    // TODO: print Urdu names in Urdu. The standard Helvetica font has only WinAnsi characters, so accents are
    // dropped and other scripts print as '?'; Urdu needs an embedded Nastaliq or Naskh font and Arabic-script
    // shaping, which PDFBox 3.0 does not do. HQ's district names are Latin today.
    static String printable(PDType1Font font, String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder result = new StringBuilder();
        stripped.codePoints().forEach(c -> {
            String character = new String(Character.toChars(c));
            try {
                font.encode(character);
                result.append(character);
            } catch (IOException | IllegalArgumentException e) {
                result.append('?');
            }
        });
        return result.toString();
    }
}
