package org.rescuegrid.frontoffice.internal.command;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.DriverEventType;
import org.rescuegrid.frontoffice.DriverScore;
import org.rescuegrid.frontoffice.FrontOfficeService;

@Command(scope = "rescue", name = "driver-scores", description = "Shows each driver's driving events and score (100 minus penalties) per shift of a day.")
@Service
public class DriverScoresCommand extends FrontOfficeCommand {

    @Option(name = "--day", description = "Day the shifts started on, in the KPI time zone, such as 2026-12-04; default today.")
    String day;

    @Option(name = "--shift", description = "Only this shift, such as morning; default every shift of the day.")
    @Completion(Completers.Shifts.class)
    String shift;

    @Reference
    DriverBehaviourService driving;

    @Reference
    FrontOfficeService frontOffice;

    @Override
    protected Object run() {
        LocalDate date;
        try {
            date = day == null ? LocalDate.now(frontOffice.kpiCalendar().zone()) : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--day '" + day + "' is invalid; write a date such as 2026-12-04", e);
        }
        List<DriverScore> scores = driving.scores(date, shift);
        PrintStream out = System.out;
        out.println("Driver scores of " + date + " (" + frontOffice.kpiCalendar().zone() + "), shift " + (shift == null ? "all" : shift));
        ShellTable table = new ShellTable();
        table.column("Driver");
        table.column("Shift");
        for (DriverEventType type : DriverEventType.values()) {
            table.column(type.label()).alignRight();
        }
        table.column("Score").alignRight();
        for (DriverScore score : scores) {
            List<Object> row = new java.util.ArrayList<>();
            row.add(score.driverId() == null ? "(unassigned)" : score.driverId());
            row.add(score.shift());
            Map<DriverEventType, Integer> events = score.events();
            for (DriverEventType type : DriverEventType.values()) {
                row.add(events.getOrDefault(type, 0));
            }
            row.add(score.score());
            table.addRow().addContent(row);
        }
        table.print(out);
        return null;
    }
}
