package org.rescuegrid.onvif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rescuegrid.onvif.internal.Namespace;
import org.rescuegrid.onvif.internal.XmlElement;
import org.rescuegrid.onvif.internal.XmlValues;

/** The ONVIF media service (version 1.0): profiles, stream URIs and snapshot URIs. */
public final class MediaService {

    private static final String ACTION = "http://www.onvif.org/ver10/media/wsdl/";

    private final OnvifConnection connection;

    MediaService(OnvifConnection connection) {
        this.connection = connection;
    }

    public List<MediaProfile> getProfiles() throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.MEDIA, ACTION + "GetProfiles",
                writer -> writer.empty(Namespace.MEDIA, "GetProfiles"));
        List<MediaProfile> profiles = new ArrayList<>();
        for (XmlElement profile : response.children("Profiles")) {
            profiles.add(readProfile(profile));
        }
        return profiles;
    }

    /** Returns the RTSP URI of a profile's unicast stream, with its host rewritten. */
    public MediaUri getStreamUri(String profileToken) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.MEDIA, ACTION + "GetStreamUri",
                writer -> writer.start(Namespace.MEDIA, "GetStreamUri")
                        .start(Namespace.MEDIA, "StreamSetup")
                        .element(Namespace.SCHEMA, "Stream", "RTP-Unicast")
                        .start(Namespace.SCHEMA, "Transport").element(Namespace.SCHEMA, "Protocol", "RTSP").end()
                        .end()
                        .element(Namespace.MEDIA, "ProfileToken", profileToken)
                        .end());
        return readMediaUri(response);
    }

    /** Returns the HTTP URI of a profile's JPEG snapshot, with its host rewritten. */
    public MediaUri getSnapshotUri(String profileToken) throws OnvifException {
        XmlElement response = connection.call(OnvifServiceType.MEDIA, ACTION + "GetSnapshotUri",
                writer -> writer.start(Namespace.MEDIA, "GetSnapshotUri")
                        .element(Namespace.MEDIA, "ProfileToken", profileToken)
                        .end());
        return readMediaUri(response);
    }

    private MediaUri readMediaUri(XmlElement response) throws OnvifException {
        XmlElement mediaUri = response.child("MediaUri")
                .orElseThrow(() -> new OnvifException(response.localName() + " has no MediaUri"));
        String reported = mediaUri.requiredText("Uri");
        Optional<String> timeout = mediaUri.text("Timeout");
        return new MediaUri(connection.rewriter().rewriteHost(reported), reported,
                flag(mediaUri, "InvalidAfterConnect"), flag(mediaUri, "InvalidAfterReboot"),
                timeout.isPresent() ? XmlValues.duration(timeout.get()) : Duration.ZERO);
    }

    private static boolean flag(XmlElement element, String name) throws OnvifException {
        Optional<String> text = element.text(name);
        return text.isPresent() && XmlValues.bool(text.get());
    }

    private static MediaProfile readProfile(XmlElement profile) throws OnvifException {
        return MediaProfile.read(profile, profile.child("VideoEncoderConfiguration"),
                profile.text("VideoSourceConfiguration", "SourceToken").orElse(""),
                profile.child("PTZConfiguration").flatMap(ptz -> ptz.attribute("token")).orElse(null));
    }
}
