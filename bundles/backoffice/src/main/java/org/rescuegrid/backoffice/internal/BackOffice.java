package org.rescuegrid.backoffice.internal;

/** The back office's parts, for its console commands. */
public interface BackOffice {

    SopLibrary procedures();
}
