package org.rescuegrid.driver.gt06.internal.decoder;

/**
 * The status block that heartbeat (status information) and alarm packets share.
 *
 * @param terminalInfo bit field: 7 oil and electricity cut, 6 GPS tracking on, 5-3 alarm, 2 charging,
 *        1 ACC (ignition) on, 0 defence armed
 * @param voltageLevel battery level, 0 (no power) to 6 (very high)
 * @param gsmSignal GSM signal strength, 0 (none) to 4 (strong)
 * @param alarm alarm code of the alarm/language field: 0 normal, 1 SOS, 2 power cut, 3 shock, 4 geofence
 *        entered, 5 geofence left
 * @param language language code of the alarm/language field: 1 Chinese, 2 English
 */
public record TerminalStatus(int terminalInfo, int voltageLevel, int gsmSignal, int alarm, int language) {

    /** Alarm states of the terminal-info bits 5-3. */
    public static final int STATE_NORMAL = 0;
    public static final int STATE_SHOCK = 1;
    public static final int STATE_POWER_CUT = 2;
    public static final int STATE_LOW_BATTERY = 3;
    public static final int STATE_SOS = 4;

    public static final int ALARM_NONE = 0;
    public static final int ALARM_SOS = 1;
    public static final int ALARM_POWER_CUT = 2;
    public static final int ALARM_SHOCK = 3;
    public static final int ALARM_GEOFENCE_ENTER = 4;
    public static final int ALARM_GEOFENCE_EXIT = 5;

    public boolean ignitionOn() {
        return (terminalInfo & 0x02) != 0;
    }

    public boolean charging() {
        return (terminalInfo & 0x04) != 0;
    }

    public boolean gpsTracking() {
        return (terminalInfo & 0x40) != 0;
    }

    public boolean oilAndElectricityCut() {
        return (terminalInfo & 0x80) != 0;
    }

    public boolean defenceArmed() {
        return (terminalInfo & 0x01) != 0;
    }

    /** Returns the alarm state of bits 5-3 of the terminal info, one of the {@code STATE_} values or 5-7 (not defined). */
    public int alarmState() {
        return (terminalInfo >>> 3) & 0x07;
    }
}
