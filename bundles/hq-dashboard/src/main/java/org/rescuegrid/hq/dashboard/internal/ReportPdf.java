package org.rescuegrid.hq.dashboard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.rescuegrid.hq.HqKpi;
import org.rescuegrid.hq.HqReport;

/**
 * Writes reports as an A4 PDF with Apache PDFBox: a title, the period, then one block of figures per area,
 * the province first. The labels come from the dashboard's message bundle of the requested language and match
 * the CSV figures in words; percentages have one decimal. An Urdu report runs right to left.
 */
final class ReportPdf {

    /** Amiri (SIL Open Font License), copied into the bundle from Debian's fonts-hosny-amiri at build time. */
    static final String REGULAR_FONT = "report-fonts/Amiri-Regular.ttf";
    static final String BOLD_FONT = "report-fonts/Amiri-Bold.ttf";

    private static final float MARGIN = 56;
    private static final float VALUE_X = 360;
    private static final float LINE = 15;
    private static final float INDENT_PER_SPACE = 0.3f;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReportPdf() {
    }

    /** Returns the report's title, such as "RescueGrid report 2026-11: district Lahore". */
    static String title(ReportLabels labels, String period, String province, String district) {
        String area = district == null ? labels.text("pdf.province", Map.of("name", province)) : labels.text("pdf.district", Map.of("name", district));
        return labels.text("pdf.title", Map.of("period", period, "area", area));
    }

    static byte[] write(ReportLabels labels, String title, List<HqReport> reports, Instant generatedAt) {
        try (PDDocument document = new PDDocument(); TrueTypeFont regular = font(REGULAR_FONT); TrueTypeFont bold = font(BOLD_FONT)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(ReportLabels.plain(title));
            info.setCreator("RescueGrid HQ");
            Writer writer = new Writer(document, labels.rightToLeft(), PDType0Font.load(document, regular, true),
                    PDType0Font.load(document, bold, true));
            writer.line(writer.bold, 16, title, null);
            HqReport first = reports.get(0);
            writer.line(writer.regular, 10, labels.text("pdf.period", Map.of("from", local(first.from()), "to", local(first.to()),
                    "zone", ReportPeriod.ZONE)), null);
            writer.line(writer.regular, 10, labels.text("pdf.generated", Map.of("time", generatedAt)), null);
            for (HqReport report : reports) {
                writer.gap();
                area(writer, labels, report);
            }
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the report PDF could not be written: " + e.getMessage(), e);
        }
    }

    private static void area(Writer writer, ReportLabels labels, HqReport report) throws IOException {
        HqKpi kpi = report.kpi();
        String name = report.district() == null ? labels.text("pdf.wholeProvince", Map.of("province", report.province()))
                : labels.text("pdf.districtOf", Map.of("province", report.province(), "district", report.district()));
        writer.line(writer.bold, 12, name, null);
        writer.figure(labels.text("callsReceived"), report.callsReceived());
        writer.figure(labels.text("emergencyCalls"), report.emergencyCalls());
        counts(writer, labels, "pdf.callsOfDisposition", kpi.callsByDisposition());
        writer.figure(labels.text("incidents"), report.emergencies());
        counts(writer, labels, "emergencyOfType", kpi.incidentsByType());
        writer.figure(labels.text("outcomesRecorded"), report.outcomes().incidents());
        writer.figure(labels.text("peopleRescued"), report.outcomes().peopleRescued());
        writer.figure(labels.text("firstAidOnScene"), report.outcomes().firstAidOnScene());
        writer.figure(labels.text("takenToHospital"), report.outcomes().takenToHospital());
        writer.figure(labels.text("deathsOnScene"), report.outcomes().deathsOnScene());
        writer.figure(labels.text("responded"), kpi.responded());
        Map<String, Long> minutes = Map.of("minutes", kpi.target().toMinutes());
        writer.figure(labels.text("pdf.reachedWithin", minutes), kpi.withinTarget());
        Double share = ReportView.sharePercent(kpi);
        writer.figure(labels.text("pdf.shareWithin", minutes), share == null ? "-" : String.format(Locale.ROOT, "%.1f %%", share));
        Double mean = ReportView.seconds(kpi.response().mean());
        writer.figure(labels.text("meanResponseTime"), mean == null ? "-" : String.format(Locale.ROOT, "%d:%02d (%.1f s)",
                Math.round(mean) / 60, Math.round(mean) % 60, mean));
        if (report.driverEventsByType() == null) {
            writer.figure(labels.text("driverEvents"), labels.text("pdf.driverEventsOfNode", Map.of("node", report.province())));
        } else {
            writer.figure(labels.text("driverEvents"), ReportView.total(report.driverEventsByType()));
            counts(writer, labels, "pdf.driverEventsOfType", report.driverEventsByType());
        }
        compliance(writer, labels, report.compliance());
    }

    private static void compliance(Writer writer, ReportLabels labels, HqReport.Compliance compliance) throws IOException {
        writer.figure(labels.text("pdf.complianceIncidents"), compliance.incidents());
        writer.figure(labels.text("pdf.complianceScore"), compliance.scorePercent() == null ? "-" : compliance.scorePercent() + " %");
        writer.figure("    " + labels.text("pdf.stepsMet"), compliance.met());
        writer.figure("    " + labels.text("pdf.stepsLate"), compliance.late());
        writer.figure("    " + labels.text("pdf.stepsMissed"), compliance.missed());
        writer.figure("    " + labels.text("pdf.stepsNotApplicable"), compliance.notApplicable());
        writer.figure("    " + labels.text("pdf.totalLateDelay"), String.format(Locale.ROOT, "%d:%02d", compliance.totalLateSeconds() / 60,
                compliance.totalLateSeconds() % 60));
    }

    private static void counts(Writer writer, ReportLabels labels, String key, Map<String, Long> counts) throws IOException {
        for (Map.Entry<String, Long> entry : new TreeMap<>(counts).entrySet()) {
            writer.figure("    " + labels.text(key, Map.of("type", entry.getKey())), entry.getValue());
        }
    }

    private static String local(Instant instant) {
        return ZonedDateTime.ofInstant(instant, ReportPeriod.ZONE).format(LOCAL_TIME);
    }

    /**
     * Writes lines top to bottom and starts a new page when the current one is full. Right to left, a label ends
     * at the right margin and its value ends where an English value would start, mirrored.
     */
    private static final class Writer {

        final PDType0Font regular;
        final PDType0Font bold;
        private final PDDocument document;
        private final boolean rightToLeft;
        private PDPageContentStream content;
        private float width;
        private float y;

        Writer(PDDocument document, boolean rightToLeft, PDType0Font regular, PDType0Font bold) throws IOException {
            this.document = document;
            this.rightToLeft = rightToLeft;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void figure(String label, Object value) throws IOException {
            line(regular, 10, label, String.valueOf(value));
        }

        void gap() {
            y -= LINE / 2;
        }

        void line(PDType0Font font, float size, String text, String value) throws IOException {
            if (y < MARGIN + LINE) {
                newPage();
            }
            show(font, size, MARGIN, text, rightToLeft);
            if (value != null) {
                // A value such as "75.0 %" reads left to right in both languages, and a sentence in its own.
                show(font, size, VALUE_X, value, null);
            }
            y -= size >= 12 ? LINE * 1.4f : LINE;
        }

        /**
         * Shows text starting at x from the left edge, or ending at x from the right edge when the report runs
         * right to left.
         *
         * @param direction true for right to left, false for left to right, null for that of the text's first letter
         */
        private void show(PDType0Font font, float size, float x, String text, Boolean direction) throws IOException {
            String stripped = text.stripLeading();
            // Leading spaces indent the line; as an offset they indent from the right margin too.
            float start = x + (text.length() - stripped.length()) * size * INDENT_PER_SPACE;
            String shaped = direction == null ? ShapedText.visualByContent(stripped) : ShapedText.visual(stripped, direction);
            String visual = printable(font, shaped);
            float left = rightToLeft ? width - start - font.getStringWidth(visual) / 1000 * size : start;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(left, y);
            content.showText(visual);
            content.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            width = page.getMediaBox().getWidth();
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    /**
     * Reads a font from the bundle without its OpenType substitutions. PDFBox 3.0 applies a font's Latin
     * substitutions when it shows text, which turns "fi" into a ligature glyph that text extraction and search
     * cannot read back; the Arabic forms come from {@link ShapedText} instead.
     */
    private static TrueTypeFont font(String resource) throws IOException {
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the bundle; build it on a machine with Debian's"
                        + " fonts-hosny-amiri package installed");
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // NOTE: FontBox 3.0.8 returns its own table map, so removing GSUB there is what keeps PDFBox from using it.
            font.getTableMap().remove("GSUB");
            return font;
        }
    }

    /** Replaces each character the font has no glyph for by '?', so that one such character does not fail the report. */
    static String printable(PDType0Font font, String text) {
        try {
            font.encode(text);
            return text;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder result = new StringBuilder();
            text.codePoints().forEach(c -> {
                String character = new String(Character.toChars(c));
                try {
                    font.encode(character);
                    result.append(character);
                } catch (IOException | IllegalArgumentException missing) {
                    result.append('?');
                }
            });
            return result.toString();
        }
    }
}
