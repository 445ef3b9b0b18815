package org.rescuegrid.driver.nmea.internal.decoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/**
 * Rejection of one sentence, raised by the framing and field parsers and turned into a
 * {@link DecodeResult.Rejected} by {@link NmeaDecoder}, so no exception leaves the decoder.
 */
final class SentenceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DeviceErrorKind kind;

    SentenceException(DeviceErrorKind kind, String message) {
        // No stack trace: a noisy serial link can produce thousands of these per minute, and the
        // message already names the field and value.
        super(message, null, false, false);
        this.kind = kind;
    }

    DeviceErrorKind kind() {
        return kind;
    }
}
