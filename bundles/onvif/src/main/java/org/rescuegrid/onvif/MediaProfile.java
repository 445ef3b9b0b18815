package org.rescuegrid.onvif;

import java.util.Optional;

import org.rescuegrid.onvif.internal.XmlElement;
import org.rescuegrid.onvif.internal.XmlValues;

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

    /**
     * Reads a profile element of either media service: they differ only in where the video encoder, the
     * video source token and the PTZ configuration sit, which the caller passes in.
     */
    static MediaProfile read(XmlElement profile, Optional<XmlElement> encoder, String videoSourceToken, String ptzToken)
            throws OnvifException {
        int width = 0;
        int height = 0;
        String encoding = "";
        if (encoder.isPresent()) {
            encoding = encoder.get().text("Encoding").orElse("");
            Optional<String> widthText = encoder.get().text("Resolution", "Width");
            Optional<String> heightText = encoder.get().text("Resolution", "Height");
            width = widthText.isPresent() ? XmlValues.integer(widthText.get()) : 0;
            height = heightText.isPresent() ? XmlValues.integer(heightText.get()) : 0;
        }
        return new MediaProfile(profile.requiredAttribute("token"), profile.text("Name").orElse(""), videoSourceToken, encoding,
                width, height, ptzToken);
    }
}
