package org.rescuegrid.onvif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.onvif.internal.Namespace;
import org.rescuegrid.onvif.internal.XmlElement;

/**
 * The ONVIF media2 service ({@code ver20/media}, Profile T): profiles, stream URIs and snapshot
 * URIs. Cameras announce it in GetServices only, so call {@link DeviceService#loadMedia2Address()}
 * before using it.
 */
public final class Media2Service {

    private static final String ACTION = "http://www.onvif.org/ver20/media/wsdl/";

    private final OnvifConnection connection;

    Media2Service(OnvifConnection connection) {
        this.connection = connection;
    }

    /** Returns the profiles with their video source, video encoder and PTZ configurations. */
    public List<MediaProfile> getProfiles() throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.MEDIA2, ACTION + "GetProfiles",
                writer -> writer.start(Namespace.MEDIA2, "GetProfiles")
                        .element(Namespace.MEDIA2, "Type", "VideoSource")
                        .element(Namespace.MEDIA2, "Type", "VideoEncoder")
                        .element(Namespace.MEDIA2, "Type", "PTZ")
                        .end());
        List<MediaProfile> profiles = new ArrayList<>();
        for (XmlElement profile : response.children("Profiles")) {
            profiles.add(readProfile(profile));
        }
        return profiles;
    }

    /** Returns the RTSP URI of a profile, with its host rewritten. */
    public MediaUri getStreamUri(String profileToken) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.MEDIA2, ACTION + "GetStreamUri",
                writer -> writer.start(Namespace.MEDIA2, "GetStreamUri")
                        .element(Namespace.MEDIA2, "Protocol", "RTSP")
                        .element(Namespace.MEDIA2, "ProfileToken", profileToken)
                        .end());
        return readUri(response);
    }

    /** Returns the HTTP URI of a profile's JPEG snapshot, with its host rewritten. */
    public MediaUri getSnapshotUri(String profileToken) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.MEDIA2, ACTION + "GetSnapshotUri",
                writer -> writer.start(Namespace.MEDIA2, "GetSnapshotUri")
                        .element(Namespace.MEDIA2, "ProfileToken", profileToken)
                        .end());
        return readUri(response);
    }

    /** Reads the plain Uri element of a media2 response, which carries no validity flags or timeout. */
    private MediaUri readUri(XmlElement response) throws OnvifException {
        String reported = response.requiredText("Uri");
        return new MediaUri(connection.rewriter().rewriteHost(reported), reported, false, false, Duration.ZERO);
    }

    private static MediaProfile readProfile(XmlElement profile) throws OnvifException {
        Optional<XmlElement> configurations = profile.child("Configurations");
        return MediaProfile.read(profile, configurations.flatMap(element -> element.child("VideoEncoder")),
                configurations.flatMap(element -> element.text("VideoSource", "SourceToken")).orElse(""),
                configurations.flatMap(element -> element.child("PTZ")).flatMap(ptz -> ptz.attribute("token")).orElse(null));
    }
}
