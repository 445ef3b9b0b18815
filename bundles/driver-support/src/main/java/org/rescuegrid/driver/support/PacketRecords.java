package org.rescuegrid.driver.support;

import java.util.List;

import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;

/**
 * The outcome of one packet of a device: the records to commit, and the reply to send once they are
 * committed.
 *
 * @param deviceId device that sent the packet
 * @param packet protocol number and serial of the packet, for the log
 * @param fixes positions to store, possibly none
 * @param events device events to store, possibly none
 * @param reply the frame to send once every record is committed, or null when the packet takes no reply
 */
public record PacketRecords(String deviceId, String packet, List<PositionFix> fixes, List<DeviceEvent> events, byte[] reply) {

    public PacketRecords {
        fixes = List.copyOf(fixes);
        events = List.copyOf(events);
    }
}
