package org.rescuegrid.driver.teltonika.internal.decoder;

import org.rescuegrid.api.device.DeviceErrorKind;

/** Bytes the frame decoder dropped, passed down the pipeline so the session counts them against its device. */
public record FrameRejected(DeviceErrorKind kind, String reason) {
}
