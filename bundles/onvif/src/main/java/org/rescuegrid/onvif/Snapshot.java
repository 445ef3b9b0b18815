package org.rescuegrid.onvif;

/** A JPEG (or other image) fetched from a camera's snapshot URI. */
public record Snapshot(byte[] image, String contentType) {
}
