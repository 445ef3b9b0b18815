package org.rescuegrid.api.uplink;

/** Reports the state of the upload to HQ. Implemented by the uplink bundle. */
public interface UplinkMonitor {

    UplinkStatus status();
}
