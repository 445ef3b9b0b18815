package org.rescuegrid.driver.support;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;

/** Destination of a driver's records. Each call returns only after the commit, or throws when nothing was stored. */
public interface RecordSink {

    void store(PositionFix fix);

    void store(DeviceEvent event);
}
