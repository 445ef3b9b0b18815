package org.rescuegrid.api.device;

/** Kinds of bad input a driver drops and counts per device. */
public enum DeviceErrorKind {
    /** A frame longer than the configured maximum. */
    FRAME_TOO_LONG,
    /** A frame whose checksum does not match its content. */
    BAD_CHECKSUM,
    /** A frame with a field that cannot be parsed or is out of range. */
    UNPARSEABLE,
    /** A record the node could not store, so the device was not acknowledged. */
    STORE_FAILED
}
