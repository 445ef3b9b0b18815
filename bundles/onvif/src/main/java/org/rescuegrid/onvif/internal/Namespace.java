package org.rescuegrid.onvif.internal;

/** XML namespaces of the requests the client writes, with the prefix each is declared under. */
public enum Namespace {
    SOAP_12("s", "http://www.w3.org/2003/05/soap-envelope"),
    DEVICE("tds", "http://www.onvif.org/ver10/device/wsdl"),
    MEDIA("trt", "http://www.onvif.org/ver10/media/wsdl"),
    MEDIA2("tr2", "http://www.onvif.org/ver20/media/wsdl"),
    PTZ("tptz", "http://www.onvif.org/ver20/ptz/wsdl"),
    EVENTS("tev", "http://www.onvif.org/ver10/events/wsdl"),
    SCHEMA("tt", "http://www.onvif.org/ver10/schema"),
    NOTIFICATION("wsnt", "http://docs.oasis-open.org/wsn/b-2"),
    ADDRESSING("wsa", "http://www.w3.org/2005/08/addressing"),
    SECURITY("wsse", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"),
    SECURITY_UTILITY("wsu", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd");

    private final String prefix;
    private final String uri;

    Namespace(String prefix, String uri) {
        this.prefix = prefix;
        this.uri = uri;
    }

    public String prefix() {
        return prefix;
    }

    public String uri() {
        return uri;
    }
}
