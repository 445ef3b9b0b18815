package org.rescuegrid.onvif;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rescuegrid.onvif.internal.Namespace;
import org.rescuegrid.onvif.internal.XmlElement;
import org.rescuegrid.onvif.internal.XmlValues;

/** The ONVIF PTZ service (version 2.0): continuous move, stop, presets and status of a media profile. */
public final class PtzService {

    private static final String ACTION = "http://www.onvif.org/ver20/ptz/wsdl/";

    private final OnvifConnection connection;

    PtzService(OnvifConnection connection) {
        this.connection = connection;
    }

    /**
     * Starts moving at the given velocities in the generic velocity space, each from -1 to 1.
     *
     * @param timeout the camera stops by itself after this time, or null to move until {@link #stop}
     */
    public void continuousMove(String profileToken, double pan, double tilt, double zoom, Duration timeout)
            throws OnvifException {
        checkVelocity("pan", pan);
        checkVelocity("tilt", tilt);
        checkVelocity("zoom", zoom);
        connection.call(OnvifServiceType.PTZ, ACTION + "ContinuousMove", writer -> {
            writer.start(Namespace.PTZ, "ContinuousMove")
                    .element(Namespace.PTZ, "ProfileToken", profileToken)
                    .start(Namespace.PTZ, "Velocity");
            writer.start(Namespace.SCHEMA, "PanTilt").attribute("x", number(pan)).attribute("y", number(tilt)).end();
            writer.start(Namespace.SCHEMA, "Zoom").attribute("x", number(zoom)).end();
            writer.end();
            if (timeout != null) {
                writer.element(Namespace.PTZ, "Timeout", timeout.toString());
            }
            writer.end();
        });
    }

    /** Stops pan, tilt and zoom movement. */
    public void stop(String profileToken) throws OnvifException {
        connection.call(OnvifServiceType.PTZ, ACTION + "Stop",
                writer -> writer.start(Namespace.PTZ, "Stop")
                        .element(Namespace.PTZ, "ProfileToken", profileToken)
                        .element(Namespace.PTZ, "PanTilt", "true")
                        .element(Namespace.PTZ, "Zoom", "true")
                        .end());
    }

    public void gotoPreset(String profileToken, String presetToken) throws OnvifException {
        connection.call(OnvifServiceType.PTZ, ACTION + "GotoPreset",
                writer -> writer.start(Namespace.PTZ, "GotoPreset")
                        .element(Namespace.PTZ, "ProfileToken", profileToken)
                        .element(Namespace.PTZ, "PresetToken", presetToken)
                        .end());
    }

    public List<PtzPreset> getPresets(String profileToken) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.PTZ, ACTION + "GetPresets",
                writer -> writer.start(Namespace.PTZ, "GetPresets")
                        .element(Namespace.PTZ, "ProfileToken", profileToken)
                        .end());
        List<PtzPreset> presets = new ArrayList<>();
        for (XmlElement preset : response.children("Preset")) {
            presets.add(new PtzPreset(preset.requiredAttribute("token"), preset.text("Name").orElse("")));
        }
        return presets;
    }

    public PtzStatus getStatus(String profileToken) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.PTZ, ACTION + "GetStatus",
                writer -> writer.start(Namespace.PTZ, "GetStatus")
                        .element(Namespace.PTZ, "ProfileToken", profileToken)
                        .end());
        XmlElement status = response.child("PTZStatus")
                .orElseThrow(() -> new OnvifException("GetStatusResponse has no PTZStatus"));
        Optional<XmlElement> panTilt = status.path("Position", "PanTilt");
        Optional<XmlElement> zoom = status.path("Position", "Zoom");
        Optional<String> utcTime = status.text("UtcTime");
        return new PtzStatus(
                coordinate(panTilt, "x"), coordinate(panTilt, "y"), coordinate(zoom, "x"),
                status.text("MoveStatus", "PanTilt").orElse(""),
                status.text("MoveStatus", "Zoom").orElse(""),
                utcTime.isPresent() ? XmlValues.dateTime(utcTime.get()) : (Instant) null);
    }

    private static double coordinate(Optional<XmlElement> element, String attribute) throws OnvifException {
        Optional<String> value = element.flatMap(e -> e.attribute(attribute));
        return value.isPresent() ? XmlValues.decimal(value.get()) : Double.NaN;
    }

    private static void checkVelocity(String axis, double value) {
        if (!(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException("invalid " + axis + " velocity " + value + ", expected -1 to 1");
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
