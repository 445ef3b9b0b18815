package org.rescuegrid.frontoffice.internal.command;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.frontoffice.Assistance;
import org.rescuegrid.frontoffice.AssistanceKind;
import org.rescuegrid.frontoffice.AssistanceRecipient;
import org.rescuegrid.frontoffice.FrontOfficeService;

@Command(scope = "rescue", name = "assistance-add", description = "Records technical assistance given during an open incident, such as"
        + " first-aid instructions to the caller or a doctor's advice to a crew.")
@Service
public class AssistanceAddCommand extends FrontOfficeCommand {

    @Argument(index = 0, name = "incident", description = "Open incident id.", required = true)
    @Completion(Completers.OpenIncidents.class)
    String incidentId;

    @Argument(index = 1, name = "text", description = "The guidance given; quote it when it has spaces.", required = true, multiValued = true)
    List<String> words;

    @Option(name = "--kind", description = "first-aid-instruction, doctor-advice, safety-instruction, directions or other; default first-aid-instruction.")
    @Completion(value = StringsCompleter.class, values = {"first-aid-instruction", "doctor-advice", "safety-instruction", "directions", "other"})
    String kind = "first-aid-instruction";

    @Option(name = "--to", description = "Who received it: caller or crew; default caller.")
    @Completion(value = StringsCompleter.class, values = {"caller", "crew"})
    String to = "caller";

    @Option(name = "--vehicle", description = "The crew's vehicle, required with --to crew.")
    @Completion(Completers.Vehicles.class)
    String vehicleId;

    @Option(name = "--by", description = "Who gave it, for example the doctor's name; default the console user.")
    String givenBy;

    @Option(name = "--at", description = "When it was given, as an ISO-8601 UTC time such as 2026-12-04T10:03:00Z; default now.")
    String at;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Override
    protected Object run() {
        AssistanceRecipient recipient = AssistanceRecipient.parse(to);
        if (recipient == AssistanceRecipient.CREW && vehicleId == null) {
            throw new IllegalArgumentException("guidance to a crew names its vehicle; add --vehicle VEHICLE");
        }
        Instant time = Format.utcTime("--at", at);
        String user = Users.current(session);
        Assistance assistance = new Assistance(null, null, time, givenBy == null ? user : givenBy.strip(), recipient,
                vehicleId == null ? null : vehicleId.strip(), AssistanceKind.parse(kind), String.join(" ", words).strip(), null);
        Assistance stored = frontOffice.addAssistance(incidentId.strip(), assistance, user);
        System.out.println("Recorded " + stored.kind().label() + " to the " + stored.givenTo().label() + " on incident " + stored.incidentId()
                + " at " + Format.time(stored.givenAt()) + ".");
        return null;
    }
}
