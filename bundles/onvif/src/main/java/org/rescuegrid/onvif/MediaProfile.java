package org.rescuegrid.onvif;

import java.util.Optional;

/**
 * A media profile from GetProfiles, reduced to what a driver chooses a profile by.
 *
 * @param videoEncoding JPEG, MPEG4 or H264, or empty when the profile has no video encoder
 * @param width pixels, 0 when the profile has no video encoder
 * @param height pixels, 0 when the profile has no video encoder
 * @param ptzConfigurationToken null when the profile has no PTZ configuration
 */
public record MediaProfile(String token, String name, String videoSourceToken, String videoEncoding, int width,
        int height, String ptzConfigurationToken) {

    public boolean hasPtz() {
        return ptzConfigurationToken != null;
    }

    public Optional<String> ptzConfiguration() {
        return Optional.ofNullable(ptzConfigurationToken);
    }
}
