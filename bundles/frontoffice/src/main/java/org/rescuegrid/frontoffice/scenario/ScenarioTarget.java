package org.rescuegrid.frontoffice.scenario;

import java.time.Instant;

import org.rescuegrid.api.position.PositionFix;
import org.rescuegrid.frontoffice.FrontOfficeService;

/** The front office a scenario runs against, and the means to move its clock and feed it GPS fixes. */
public interface ScenarioTarget {

    FrontOfficeService frontOffice();

    /** Moves the front office's clock forward to {@code time}, running the response-clock checks that fall due on the way. */
    void advanceTo(Instant time);

    /** Delivers a fix of a vehicle and returns once the front office has taken it. */
    void position(String vehicleId, PositionFix fix);
}
