package org.rescuegrid.driver.gt06.internal.decoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/** A frame or packet the decoder rejects, with the kind it is counted as and the reason for the log. */
public final class Gt06DecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DeviceErrorKind kind;

    public Gt06DecodeException(DeviceErrorKind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    public DeviceErrorKind kind() {
        return kind;
    }
}
