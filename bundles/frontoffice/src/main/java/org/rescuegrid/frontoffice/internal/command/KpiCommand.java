package org.rescuegrid.frontoffice.internal.command;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;
import org.rescuegrid.frontoffice.KpiCalendar;
import org.rescuegrid.frontoffice.Shift;

@Command(scope = "rescue", name = "kpi", description = "Shows calls by disposition, incidents by type and response times for a period,"
        + " district and shift; default today in the KPI time zone, all districts and shifts.")
@Service
public class KpiCommand extends FrontOfficeCommand {

    @Option(name = "--from", description = "Start of the period, a UTC date (2026-12-04) or ISO-8601 time; default today in the KPI time zone.")
    String from;

    @Option(name = "--to", description = "End of the period, exclusive, in the same forms; default the day after --from.")
    String to;

    @Option(name = "--day", description = "A day in the KPI time zone, 2026-12-04: its shifts from the first one's start; replaces --from and --to.")
    String day;

    @Option(name = "--district", description = "Only the calls and incidents of this district.")
    @Completion(Completers.Districts.class)
    String district;

    @Option(name = "--shift", description = "Only the calls and incidents of this shift, such as morning; with --day, that shift of that day.")
    @Completion(Completers.Shifts.class)
    String shift;

    @Reference
    FrontOfficeService frontOffice;

    @Override
    protected Object run() {
        KpiCalendar calendar = frontOffice.kpiCalendar();
        if (day != null && (from != null || to != null)) {
            throw new IllegalArgumentException("--day replaces --from and --to; give either --day or a period");
        }
        Instant start;
        Instant end;
        if (day != null || from == null) {
            LocalDate date = day == null ? LocalDate.now(calendar.zone()) : parseDay(day);
            KpiCalendar.Period period = calendar.dayPeriod(date);
            if (shift != null && day != null) {
                Shift named = calendar.shift(shift).orElseThrow(() -> new IllegalArgumentException(
                        "shift '" + shift + "' is unknown; use one of " + calendar.shifts()));
                KpiCalendar.ShiftDay shiftDay = calendar.on(named, date);
                period = new KpiCalendar.Period(shiftDay.start(), shiftDay.end());
            }
            start = period.start();
            end = to == null ? period.end() : parse("--to", to);
        } else {
            start = parse("--from", from);
            end = to == null ? start.plusSeconds(86_400) : parse("--to", to);
        }
        Kpi kpi = frontOffice.kpi(start, end, district, shift);
        PrintStream out = System.out;
        out.println("Period " + Format.time(kpi.from()) + " to " + Format.time(kpi.to()) + " (" + calendar.zone() + " days), district "
                + (district == null ? "all" : district) + ", shift " + (shift == null ? "all" : shift));

        ShellTable calls = new ShellTable();
        calls.column("Disposition");
        calls.column("Calls").alignRight();
        long total = 0;
        for (Map.Entry<Disposition, Long> entry : kpi.callsByDisposition().entrySet()) {
            calls.addRow().addContent(entry.getKey().label(), entry.getValue());
            total += entry.getValue();
        }
        calls.addRow().addContent("total", total);
        calls.print(out);

        ShellTable incidents = new ShellTable();
        incidents.column("Incident type");
        incidents.column("Incidents").alignRight();
        for (Map.Entry<IncidentType, Long> entry : kpi.incidentsByType().entrySet()) {
            incidents.addRow().addContent(entry.getKey().label(), entry.getValue());
        }
        incidents.print(out);

        double share = kpi.shareWithinTarget();
        out.println("Reached within " + Format.duration(kpi.target()) + ": " + kpi.withinTarget() + " of " + kpi.responded()
                + (Double.isNaN(share) ? "" : String.format(Locale.ROOT, " (%.1f%%)", share * 100)));
        ShellTable times = new ShellTable();
        times.column("Time");
        times.column("Count").alignRight();
        times.column("Mean").alignRight();
        times.column("Median").alignRight();
        times.column("P90").alignRight();
        row(times, "response (call to on scene)", kpi.response());
        row(times, "call handling", kpi.callHandling());
        row(times, "dispatch", kpi.dispatch());
        row(times, "travel", kpi.travel());
        times.print(out);
        return null;
    }

    private static void row(ShellTable table, String name, Kpi.Stats stats) {
        table.addRow().addContent(name, stats.count(), Format.duration(stats.mean()), Format.duration(stats.median()), Format.duration(stats.p90()));
    }

    private static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day '" + text + "' is invalid; write a date such as 2026-12-04", e);
        }
    }

    private static Instant parse(String option, String text) {
        String value = text.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is invalid; write a UTC date such as 2026-12-04 or a time such as"
                    + " 2026-12-04T10:00:00Z", e);
        }
    }
}
