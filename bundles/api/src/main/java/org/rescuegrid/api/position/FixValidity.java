package org.rescuegrid.api.position;

/**
 * The store's assessment of one position fix, made once when the fix is stored. Every fix is stored
 * and sent to HQ with its validity; only {@linkplain #usable() usable} fixes become a vehicle's latest
 * position or feed live tracking (arrival detection, distance). A fix gets the first flag that applies,
 * checked in the order of the constants below, from {@link #NO_FIX} to {@link #HISTORY}.
 */
public enum FixValidity {

    /** The receiver reported the fix as not valid (NMEA RMC status V or GGA quality 0, a tracker's no-fix bit). */
    NO_FIX,

    /** The fix time is further ahead of the node clock than the configured tolerance, so the device's clock is wrong. */
    FUTURE,

    /**
     * Reaching the fix from the device's previous usable fix needs a speed above the configured maximum,
     * so one of the two positions is wrong. Jumps shorter than a few hundred metres are not flagged,
     * because receiver noise over one second already implies such speeds.
     */
    IMPOSSIBLE_JUMP,

    /**
     * A plausible fix older than the device's newest usable fix: buffered history uploaded after live
     * data. It belongs in the track at HQ but must not move the vehicle back in time.
     */
    HISTORY,

    /**
     * The receiver dated the fix a multiple of 1024 weeks (19.7 years) in the past, the GPS week-number
     * rollover fault of older firmware. The store moved the fix time forward by those weeks and found
     * the corrected fix plausible, so it is usable like {@link #VALID}.
     */
    ROLLOVER_CORRECTED,

    /** A plausible fix that was the newest of its device when stored. */
    VALID;

    /** Returns whether the fix may become a vehicle's latest position and feed live tracking. */
    public boolean usable() {
        return this == VALID || this == ROLLOVER_CORRECTED;
    }
}
