package org.rescuegrid.onvif.internal;

import javax.xml.stream.XMLStreamException;

/** Writes the content of a request's SOAP Body. */
@FunctionalInterface
public interface SoapBody {

    void writeTo(XmlWriter writer) throws XMLStreamException;
}
