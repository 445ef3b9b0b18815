package org.rescuegrid.driver.teltonika.internal.decoder;

/**
 * The handshake a tracker sends first on a TCP connection: its IMEI in ASCII, after a two-byte length.
 * {@code junkBytes} counts the bytes that followed the IMEI in the same read and could not begin an AVL
 * packet. The decoder dropped them, and a handshake followed by any is invalid.
 */
public record ImeiFrame(String imei, int junkBytes) {
}
