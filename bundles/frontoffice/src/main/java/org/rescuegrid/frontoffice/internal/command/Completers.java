package org.rescuegrid.frontoffice.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.rescuegrid.frontoffice.FrontOfficeService;
import org.rescuegrid.frontoffice.Incident;
import org.rescuegrid.frontoffice.Vehicle;

/** Completers for the front office's ids and names. */
final class Completers {

    private Completers() {
    }

    static int complete(List<String> values, Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter strings = new StringsCompleter(values);
        return strings.complete(session, commandLine, candidates);
    }

    /** Completes the ids of open incidents. */
    @Service
    public static class OpenIncidents implements Completer {

        @Reference
        FrontOfficeService frontOffice;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return Completers.complete(frontOffice.openIncidents().stream().map(Incident::incidentId).toList(), session, commandLine, candidates);
        }
    }

    /** Completes the ids of the fleet's vehicles. */
    @Service
    public static class Vehicles implements Completer {

        @Reference
        FrontOfficeService frontOffice;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return Completers.complete(frontOffice.vehicles().stream().map(Vehicle::vehicleId).toList(), session, commandLine, candidates);
        }
    }

    /** Completes the gazetteer's landmark names. */
    @Service
    public static class Landmarks implements Completer {

        @Reference
        FrontOfficeService frontOffice;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return Completers.complete(frontOffice.landmarks(), session, commandLine, candidates);
        }
    }

    /** Completes the KPI districts. */
    @Service
    public static class Districts implements Completer {

        @Reference
        FrontOfficeService frontOffice;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return Completers.complete(frontOffice.kpiCalendar().districts(), session, commandLine, candidates);
        }
    }

    /** Completes the KPI shift names. */
    @Service
    public static class Shifts implements Completer {

        @Reference
        FrontOfficeService frontOffice;

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return Completers.complete(frontOffice.kpiCalendar().shifts().stream().map(org.rescuegrid.frontoffice.Shift::name).toList(),
                    session, commandLine, candidates);
        }
    }
}
