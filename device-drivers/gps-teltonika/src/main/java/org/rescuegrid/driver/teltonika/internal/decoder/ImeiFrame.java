package org.rescuegrid.driver.teltonika.internal.decoder;

/** The handshake a tracker sends first on a TCP connection: its IMEI in ASCII, after a two-byte length. */
public record ImeiFrame(String imei) {
}
