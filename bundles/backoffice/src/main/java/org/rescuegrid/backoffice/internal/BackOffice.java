package org.rescuegrid.backoffice.internal;

import java.time.Instant;
import java.util.List;

import org.rescuegrid.frontoffice.DriverBehaviourService;
import org.rescuegrid.frontoffice.FrontOfficeService;

/** The back office's parts, for its console commands and REST API. */
public interface BackOffice {

    SopLibrary procedures();

    RosterFiles roster();

    Compliance compliance();

    Readiness readiness();

    FrontOfficeService frontOffice();

    DriverBehaviourService driverBehaviour();

    /** Returns the driver-behaviour events detected in {@code [from, to)}, attributed to the crew rostered on each vehicle then. */
    default List<DriverAttribution.AttributedEvent> driverEvents(Instant from, Instant to) {
        return DriverAttribution.attribute(driverBehaviour().events(from, to), roster()::at);
    }
}
