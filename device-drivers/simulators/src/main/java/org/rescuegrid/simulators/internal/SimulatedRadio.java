package org.rescuegrid.simulators.internal;

import java.util.random.RandomGenerator;

import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * One simulated radio: its values and the variable nodes that publish them. A step moves the radio one
 * status code forward (1 to 6, then 1 again), lets RSSI wander between -110 and -50 dBm and drains the
 * battery by 0.1 percent down to 5 percent. The values outlive a restart of the server, as a gateway's would.
 */
final class SimulatedRadio {

    static final int FIRST_STATUS = 1;
    static final int LAST_STATUS = 6;

    private final String radioId;
    private final String talkGroup;
    private int statusCode = FIRST_STATUS;
    private double rssi = -75;
    private double battery = 100;
    private final double latitude;
    private final double longitude;
    private DateTime lastTransmission = DateTime.now();

    private UaVariableNode statusNode;
    private UaVariableNode rssiNode;
    private UaVariableNode batteryNode;
    private UaVariableNode lastTransmissionNode;

    SimulatedRadio(String radioId, String talkGroup, double latitude, double longitude) {
        this.radioId = radioId;
        this.talkGroup = talkGroup;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    String radioId() {
        return radioId;
    }

    synchronized int statusCode() {
        return statusCode;
    }

    synchronized void bind(UaVariableNode id, UaVariableNode group, UaVariableNode status, UaVariableNode rssiVariable,
            UaVariableNode batteryVariable, UaVariableNode latitudeVariable, UaVariableNode longitudeVariable,
            UaVariableNode lastTransmission) {
        statusNode = status;
        rssiNode = rssiVariable;
        batteryNode = batteryVariable;
        lastTransmissionNode = lastTransmission;
        id.setValue(new DataValue(new Variant(radioId)));
        group.setValue(new DataValue(new Variant(talkGroup)));
        latitudeVariable.setValue(new DataValue(new Variant(latitude)));
        longitudeVariable.setValue(new DataValue(new Variant(longitude)));
        publish();
    }

    /** Sets the status code as if the crew pressed a status key, which is also a transmission. */
    synchronized void setStatus(int code) {
        statusCode = code;
        lastTransmission = DateTime.now();
        publish();
    }

    synchronized void step(RandomGenerator random) {
        statusCode = statusCode == LAST_STATUS ? FIRST_STATUS : statusCode + 1;
        rssi = Math.max(-110, Math.min(-50, rssi + random.nextInt(-6, 7)));
        battery = Math.max(5, Math.round((battery - 0.1) * 10) / 10.0);
        lastTransmission = DateTime.now();
        publish();
    }

    private void publish() {
        if (statusNode == null) {
            return;
        }
        statusNode.setValue(new DataValue(new Variant(statusCode)));
        rssiNode.setValue(new DataValue(new Variant(rssi)));
        batteryNode.setValue(new DataValue(new Variant(battery)));
        lastTransmissionNode.setValue(new DataValue(new Variant(lastTransmission)));
    }
}
