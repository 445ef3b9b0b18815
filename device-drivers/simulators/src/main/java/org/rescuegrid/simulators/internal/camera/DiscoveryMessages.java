package org.rescuegrid.simulators.internal.camera;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The WS-Discovery (2005/04, the version ONVIF uses) messages of one simulated camera: ProbeMatches
 * in response to a probe, Hello when it starts and Bye when it stops. Its endpoint reference is a
 * name-based UUID, so a camera keeps it across restarts as a real camera does.
 */
final class DiscoveryMessages {

    static final String HARDWARE = "RescueGrid-SimCam";

    private static final String ENVELOPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" \
            xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
            xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" \
            xmlns:tds="http://www.onvif.org/ver10/device/wsdl">
            <SOAP-ENV:Header><wsa:MessageID>urn:uuid:%s</wsa:MessageID>%s\
            <wsa:To>%s</wsa:To><wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/%s</wsa:Action>\
            <d:AppSequence InstanceId="%d" MessageNumber="%d"/></SOAP-ENV:Header>
            <SOAP-ENV:Body>%s</SOAP-ENV:Body>
            </SOAP-ENV:Envelope>
            """;
    private static final String DEVICE = """
            <wsa:EndpointReference><wsa:Address>%s</wsa:Address></wsa:EndpointReference>\
            <d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>\
            <d:Scopes>onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/type/ptz \
            onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/name/%s \
            onvif://www.onvif.org/hardware/%s onvif://www.onvif.org/location/city/Lahore</d:Scopes>\
            <d:XAddrs>%s</d:XAddrs><d:MetadataVersion>1</d:MetadataVersion>""";
    private static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private static final String DISCOVERY_URN = "urn:schemas-xmlsoap-org:ws:2005:04:discovery";

    private final String endpoint;
    private final String name;
    private final String deviceServiceAddress;
    private final long instanceId;
    private long messageNumber;

    DiscoveryMessages(String name, String deviceServiceAddress, long instanceId) {
        this.endpoint = "urn:uuid:" + UUID.nameUUIDFromBytes(("rescuegrid-camera-sim/" + name).getBytes(StandardCharsets.UTF_8));
        this.name = name;
        this.deviceServiceAddress = deviceServiceAddress;
        this.instanceId = instanceId;
    }

    String endpoint() {
        return endpoint;
    }

    String probeMatches(String relatesTo) {
        return envelope("<wsa:RelatesTo>" + escape(relatesTo) + "</wsa:RelatesTo>", ANONYMOUS, "ProbeMatches",
                "<d:ProbeMatches><d:ProbeMatch>" + device() + "</d:ProbeMatch></d:ProbeMatches>");
    }

    String hello() {
        return envelope("", DISCOVERY_URN, "Hello", "<d:Hello>" + device() + "</d:Hello>");
    }

    /** Writes a Bye that carries the camera's XAddrs too, which WS-Discovery 2005/04 allows, so listeners can match it by address. */
    String bye() {
        return envelope("", DISCOVERY_URN, "Bye", "<d:Bye>" + device() + "</d:Bye>");
    }

    private String device() {
        return DEVICE.formatted(endpoint, name, HARDWARE, deviceServiceAddress);
    }

    private synchronized String envelope(String relatesTo, String to, String action, String body) {
        messageNumber++;
        return ENVELOPE.formatted(UUID.randomUUID(), relatesTo, to, action, instanceId, messageNumber, body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
