package org.rescuegrid.driver.radio.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Current values of one radio object on a gateway, updated from monitored items. The radio id is known
 * only after its RadioId variable reported a value. Thread-safe: the subscription updates it while the
 * console reads it.
 */
final class RadioState {

    private final String gateway;
    private final NodeId objectId;
    private final NodeId sendTextMethodId;
    private final StatusTable statusTable;
    private final Map<RadioVariable, Object> values = new EnumMap<>(RadioVariable.class);
    private Instant lastHeard;
    private boolean online;
    private RadioSnapshot lastReported;

    RadioState(String gateway, NodeId objectId, NodeId sendTextMethodId, StatusTable statusTable) {
        this.gateway = gateway;
        this.objectId = objectId;
        this.sendTextMethodId = sendTextMethodId;
        this.statusTable = statusTable;
    }

    NodeId objectId() {
        return objectId;
    }

    /** Returns the SendText method of the radio object, or null when the gateway offers none. */
    NodeId sendTextMethodId() {
        return sendTextMethodId;
    }

    /**
     * Stores a value reported for one variable.
     *
     * @return false when the value has a type the variable cannot hold; it is then dropped
     */
    synchronized boolean update(RadioVariable variable, Variant value, Instant heard) {
        Object raw = value == null ? null : value.getValue();
        Object converted = convert(variable, raw);
        if (raw != null && converted == null) {
            return false;
        }
        values.put(variable, converted);
        lastHeard = heard;
        online = true;
        return true;
    }

    synchronized void setOnline(boolean online) {
        this.online = online;
    }

    synchronized String radioId() {
        Object id = values.get(RadioVariable.RADIO_ID);
        return id == null || id.toString().isBlank() ? null : id.toString().strip();
    }

    synchronized RadioSnapshot snapshot() {
        Integer code = (Integer) values.get(RadioVariable.STATUS_CODE);
        return new RadioSnapshot(radioId(), gateway, code, code == null ? null : statusTable.statusOf(code).orElse(null),
                (String) values.get(RadioVariable.TALK_GROUP), (Double) values.get(RadioVariable.RSSI),
                (Double) values.get(RadioVariable.BATTERY), (Double) values.get(RadioVariable.LATITUDE),
                (Double) values.get(RadioVariable.LONGITUDE), (Instant) values.get(RadioVariable.LAST_TRANSMISSION),
                lastHeard, online);
    }

    /**
     * Returns the snapshot to report when the radio's values differ from the last one reported, and remembers it.
     * Returns null when nothing changed, for example when a restored subscription repeats the values.
     */
    synchronized RadioSnapshot takeChange() {
        RadioSnapshot current = snapshot();
        if (current.radioId() == null || current.statusCode() == null || current.sameValues(lastReported)) {
            return null;
        }
        lastReported = current;
        return current;
    }

    private static Object convert(RadioVariable variable, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (variable) {
            case RADIO_ID, TALK_GROUP -> raw instanceof String || raw instanceof Number ? raw.toString() : null;
            case STATUS_CODE -> raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    ? Integer.valueOf(number.intValue()) : null;
            case RSSI, BATTERY, LATITUDE, LONGITUDE -> raw instanceof Number number ? Double.valueOf(number.doubleValue()) : null;
            case LAST_TRANSMISSION -> raw instanceof DateTime time ? time.getJavaInstant() : null;
        };
    }
}
