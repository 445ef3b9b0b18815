package org.rescuegrid.api.event;

/** Event types the platform's drivers report and its services understand. */
public final class DeviceEventTypes {

    public static final String IGNITION_ON = "tracker.ignition-on";
    public static final String IGNITION_OFF = "tracker.ignition-off";
    public static final String SOS = "tracker.sos";
    public static final String POWER_CUT = "tracker.power-cut";
    public static final String LOW_BATTERY = "tracker.low-battery";
    public static final String HARSH_BRAKING = "tracker.harsh-braking";
    public static final String HARSH_ACCELERATION = "tracker.harsh-acceleration";
    public static final String OVERSPEED = "tracker.overspeed";

    public static final String RADIO_STATUS = "radio.status";
    public static final String RADIO_EMERGENCY = "radio.emergency";
    public static final String RADIO_OFFLINE = "radio.offline";

    public static final String CAMERA_MOTION = "camera.motion";
    public static final String CAMERA_TAMPERING = "camera.tampering";
    public static final String CAMERA_VIDEO_LOSS = "camera.video-loss";

    private DeviceEventTypes() {
    }
}
