package org.rescuegrid.backoffice.internal;

import org.rescuegrid.frontoffice.FrontOfficeService;

/** The back office's parts, for its console commands. */
public interface BackOffice {

    SopLibrary procedures();

    RosterFiles roster();

    Compliance compliance();

    Readiness readiness();

    FrontOfficeService frontOffice();
}
