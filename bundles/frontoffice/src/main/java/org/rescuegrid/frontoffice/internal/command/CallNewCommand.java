package org.rescuegrid.frontoffice.internal.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.frontoffice.CallCheck;
import org.rescuegrid.frontoffice.CallRecord;
import org.rescuegrid.frontoffice.Disposition;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.IncidentType;
import org.rescuegrid.frontoffice.Location;
import org.rescuegrid.frontoffice.NewCall;

@Command(scope = "rescue", name = "call-new", description = "Records a call. An emergency creates an incident, or joins one with --attach.")
@Service
public class CallNewCommand extends FrontOfficeCommand {

    @Option(name = "--disposition", description = "Outcome of the call; default emergency.")
    @Completion(value = StringsCompleter.class, values = {"emergency", "nuisance", "information", "wrong-number", "blank", "dropped", "fake"})
    String disposition = "emergency";

    @Option(name = "--type", description = "Incident type, required for an emergency.")
    @Completion(value = StringsCompleter.class, values = {"road-traffic-accident", "fire", "medical-emergency", "building-collapse", "drowning",
        "explosion", "other"})
    String type;

    @Option(name = "--at", description = "Place as LAT,LON in WGS84 decimal degrees, for example 31.5106,74.3428.")
    String at;

    @Option(name = "--landmark", description = "Place as a landmark of the gazetteer, instead of --at.")
    @Completion(Completers.Landmarks.class)
    String landmark;

    @Option(name = "--caller", description = "Caller's number as the switchboard shows it.")
    String caller;

    @Option(name = "--name", description = "Caller's name.")
    String name;

    @Option(name = "--people", description = "People affected as the caller reports them; 0 when unknown.")
    int people;

    @Option(name = "--note", description = "Free text.")
    String note;

    @Option(name = "--attach", description = "Open incident the call reports again.")
    @Completion(Completers.OpenIncidents.class)
    String attach;

    @Option(name = "--new-incident", description = "Create a new incident although the call matches an open one.")
    boolean newIncident;

    @Reference
    FrontOfficeService frontOffice;

    @Reference
    Session session;

    @Override
    protected Object run() {
        if (at != null && landmark != null) {
            throw new IllegalArgumentException("give the place either with --at or with --landmark, not both");
        }
        NewCall call = new NewCall(null, blankToNull(caller), blankToNull(name), at == null ? null : parseLocation(at), landmark,
                type == null ? null : IncidentType.parse(type), people, blankToNull(note), Disposition.parse(disposition), attach, newIncident,
                Users.current(session));
        PrintStream out = System.out;
        CallCheck check = frontOffice.check(call);
        if (check.repeatNuisance()) {
            out.println("WARNING: caller " + caller + " made " + check.nuisanceCalls() + " nuisance or fake calls recently.");
        }
        CallRecord record = frontOffice.receiveCall(call);
        out.println("Call " + record.callId() + " recorded as " + record.disposition().label()
                + (record.incidentId() == null ? "." : ", incident " + record.incidentId() + "."));
        if (record.incidentId() != null && attach == null) {
            out.println("Next: rescue:dispatch " + record.incidentId() + " to see the recommended vehicles.");
        }
        return null;
    }

    static Location parseLocation(String text) {
        String expected = "write LAT,LON in WGS84 decimal degrees, for example 31.5106,74.3428";
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--at '" + text + "' is invalid; " + expected);
        }
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(parts[0].strip());
            longitude = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--at '" + text + "' is invalid; " + expected, e);
        }
        try {
            return Location.of(latitude, longitude);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--at '" + text + "' is invalid; " + expected + " (" + e.getMessage() + ")", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
