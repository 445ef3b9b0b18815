package org.rescuegrid.onvif.internal;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A thin layer over {@link XMLStreamWriter} that writes elements under the prefixes of {@link Namespace}. */
public final class XmlWriter {

    private final XMLStreamWriter writer;

    XmlWriter(XMLStreamWriter writer) {
        this.writer = writer;
    }

    /** Opens an element, to be closed with {@link #end()}. */
    public XmlWriter start(Namespace namespace, String localName) throws XMLStreamException {
        writer.writeStartElement(namespace.prefix(), localName, namespace.uri());
        return this;
    }

    public XmlWriter attribute(String name, String value) throws XMLStreamException {
        writer.writeAttribute(name, value);
        return this;
    }

    public XmlWriter text(String text) throws XMLStreamException {
        writer.writeCharacters(text);
        return this;
    }

    public XmlWriter end() throws XMLStreamException {
        writer.writeEndElement();
        return this;
    }

    /** Writes an element that contains only text. */
    public XmlWriter element(Namespace namespace, String localName, String text) throws XMLStreamException {
        return start(namespace, localName).text(text).end();
    }

    /** Writes an element with no content. */
    public XmlWriter empty(Namespace namespace, String localName) throws XMLStreamException {
        writer.writeEmptyElement(namespace.prefix(), localName, namespace.uri());
        return this;
    }
}
