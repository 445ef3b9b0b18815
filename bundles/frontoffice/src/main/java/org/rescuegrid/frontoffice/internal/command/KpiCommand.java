package org.rescuegrid.frontoffice.internal.command;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Kpi;

@Command(scope = "rescue", name = "kpi", description = "Shows calls by disposition, incidents by type and response times for a period; default today (UTC).")
@Service
public class KpiCommand implements Action {

    @Option(name = "--from", description = "Start of the period, a UTC date (2026-12-04) or ISO-8601 time; default today 00:00 UTC.")
    String from;

    @Option(name = "--to", description = "End of the period, exclusive, in the same forms; default the day after --from.")
    String to;

    @Reference
    FrontOfficeService frontOffice;

    @Override
    public Object execute() {
        Instant start = from == null ? LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant() : parse("--from", from);
        Instant end = to == null ? start.plusSeconds(86_400) : parse("--to", to);
        Kpi kpi = frontOffice.kpi(start, end);
        PrintStream out = System.out;
        out.println("Period " + Format.time(kpi.from()) + " to " + Format.time(kpi.to()));

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
