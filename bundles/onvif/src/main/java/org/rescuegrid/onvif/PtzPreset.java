package org.rescuegrid.onvif;

/** A PTZ preset position from GetPresets, addressed by its token. */
public record PtzPreset(String token, String name) {
}
