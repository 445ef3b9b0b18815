package org.rescuegrid.backoffice.internal.command;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.rescuegrid.backoffice.internal.Actor;
import org.rescuegrid.backoffice.internal.BackOffice;
import org.rescuegrid.backoffice.internal.Readiness;

@Command(scope = "rescue", name = "readiness-check", description = "Records a vehicle's start-of-shift readiness checklist; a failed item puts it out of service until a check passes.")
@Service
public class ReadinessCheckCommand extends BackOfficeCommand {

    @Argument(index = 0, name = "vehicle", description = "Vehicle id of the fleet.", required = true)
    String vehicleId;

    @Option(name = "--fail", multiValued = true, description = "A checklist item that failed, for example oxygen; repeat it for each item."
            + " Without it the check passed.")
    List<String> failed;

    @Option(name = "--staff", description = "Staff id of the crew member who made the check.")
    String staffId;

    @Option(name = "--note", description = "Free text, for example what is missing.")
    String note;

    @Reference
    BackOffice backOffice;

    @Reference
    Session session;

    @Override
    protected Object run() {
        String id = vehicleId.strip();
        if (backOffice.frontOffice().vehicles().stream().noneMatch(v -> v.vehicleId().equals(id))) {
            throw new IllegalArgumentException("vehicle '" + id + "' is not in the fleet; rescue:dispatch INCIDENT lists vehicles");
        }
        if (staffId != null && backOffice.roster().get().staff(staffId.strip()).isEmpty()) {
            throw new IllegalArgumentException("staff id '" + staffId + "' is not in the roster; rescue:roster --staff lists the staff");
        }
        List<String> items = failed == null ? List.of()
                : failed.stream().flatMap(item -> Arrays.stream(item.split(","))).map(String::strip).toList();
        Object user = session == null ? null : session.get("USER");
        Readiness.Check check = backOffice.readiness().record(id, null, staffId == null ? null : staffId.strip(), items, note,
                Actor.console(user == null ? "console" : user.toString()));
        System.out.println(check.passed() ? "Vehicle " + id + " passed its readiness check and is in service."
                : "Vehicle " + id + " failed " + String.join(", ", check.failedItems()) + " and is out of service until a check passes.");
        return null;
    }
}
