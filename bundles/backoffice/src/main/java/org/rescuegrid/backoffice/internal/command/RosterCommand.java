package org.rescuegrid.backoffice.internal.command;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.Roster;

@Command(scope = "rescue", name = "roster", description = "Shows who is on which vehicle and desk at a time (default now), or all staff with --staff.")
@Service
public class RosterCommand extends BackOfficeCommand {

    @Option(name = "--at", description = "Time to show, a date (its midnight UTC) or an ISO-8601 UTC time; default now.")
    String at;

    @Option(name = "--staff", description = "List every staff member with role, station, district and login instead.")
    boolean staff;

    @Reference
    BackOffice backOffice;

    @Override
    protected Object run() {
        Roster roster = backOffice.roster().get();
        if (backOffice.roster().problem() != null) {
            System.out.println("Roster files not loaded, the previous roster stays: " + backOffice.roster().problem());
        }
        ShellTable table = new ShellTable();
        if (staff) {
            table.column("Staff");
            table.column("Name");
            table.column("Role");
            table.column("Station");
            table.column("District");
            table.column("Login");
            for (Roster.Staff member : roster.staff()) {
                table.addRow().addContent(member.staffId(), member.name(), member.role(), member.station(), member.district(), Format.text(member.login()));
            }
        } else {
            Instant time = at == null ? Instant.now() : Format.instant("--at", at);
            System.out.println("Shift at " + Format.time(time) + ": " + roster.shiftAt(time).map(Roster.Shift::name).orElse("none"));
            table.column("Post");
            table.column("Staff");
            table.column("Name");
            table.column("Role");
            table.column("Station");
            for (Roster.OnDuty duty : roster.onDuty(time)) {
                table.addRow().addContent(duty.post(), duty.staff().staffId(), duty.staff().name(), duty.staff().role(), duty.staff().station());
            }
        }
        table.print(System.out);
        return null;
    }
}
