package org.rescuegrid.onvif;

/** The ONVIF services this client speaks, with the WSDL namespace that identifies each in GetServices. */
public enum OnvifServiceType {
    DEVICE("http://www.onvif.org/ver10/device/wsdl", "Device"),
    MEDIA("http://www.onvif.org/ver10/media/wsdl", "Media"),
    /** Profile T's media service; GetCapabilities does not report it, GetServices does. */
    MEDIA2("http://www.onvif.org/ver20/media/wsdl", null),
    PTZ("http://www.onvif.org/ver20/ptz/wsdl", "PTZ"),
    EVENTS("http://www.onvif.org/ver10/events/wsdl", "Events"),
    IMAGING("http://www.onvif.org/ver20/imaging/wsdl", "Imaging");

    private final String namespace;
    private final String capabilityElement;

    OnvifServiceType(String namespace, String capabilityElement) {
        this.namespace = namespace;
        this.capabilityElement = capabilityElement;
    }

    public String namespace() {
        return namespace;
    }

    /** Returns the element of GetCapabilities that carries this service's XAddr, or null when it has none. */
    String capabilityElement() {
        return capabilityElement;
    }
}
